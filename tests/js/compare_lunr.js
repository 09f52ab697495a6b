// Compare an index built by lunr.py (with the project's lunr.js pipeline) with one lunr.js builds
// itself from the same documents. Input: a JSON file {documents, index, fields, queries}.
// Output (stdout): {ours: {terms, results}, js: {terms, results}} with results as [[ref, score], ...].
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require(path.join(__dirname, "..", "..", "node_modules", "lunr"));

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const jsIndex = lunr(function () {
  this.ref("ref");
  for (const [name, boost] of input.fields) this.field(name, { boost });
  for (const doc of input.documents) this.add(doc);
});
const ours = lunr.Index.load(input.index);

function answer(index) {
  const results = {};
  for (const q of input.queries) {
    try {
      results[q] = index.search(q).map((r) => [r.ref, Math.round(r.score * 1e6) / 1e6]);
    } catch (err) {
      results[q] = { error: err.name };
    }
  }
  return { terms: Object.keys(index.invertedIndex).sort(), results };
}

process.stdout.write(JSON.stringify({ ours: answer(ours), js: answer(jsIndex), jsSerialized: jsIndex.toJSON() }));
