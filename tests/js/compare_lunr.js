// Compare an index built in Python (plugins/newsreader/core/search_index.py) with one lunr.js builds
// itself from the same documents with the same pipeline functions (search-shards.js registers them).
// Input: a JSON file {documents, index, fields, queries, words}.
// Output (stdout): {ours: {terms, results}, js: {terms, results}, jsSerialized, fold} with results as
// [[ref, score], ...] and fold: what the browser's pipeline makes of each of `words`.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require(path.join(__dirname, "..", "..", "node_modules", "lunr"));
const shards = require(path.join(__dirname, "..", "..", "theme", "static", "js", "search-shards.js"))(lunr);

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const fns = lunr.Pipeline.registeredFunctions;
const jsIndex = lunr(function () {
  this.pipeline.reset();
  this.pipeline.add(fns.unicodeTrimmer, lunr.stopWordFilter, fns.foldDiacritics, lunr.stemmer);
  this.searchPipeline.reset();
  this.searchPipeline.add(fns.unicodeTrimmer, fns.foldDiacritics, lunr.stemmer);
  this.ref("ref");
  for (const [name, boost] of input.fields) this.field(name, { boost });
  for (const doc of input.documents) this.add(doc);
});
const ours = lunr.Index.load(input.index);

function answer(index) {
  const results = Object.create(null); // keyed by query: "__proto__" must be a key like any other
  for (const q of input.queries) {
    try {
      results[q] = index.search(q).map((r) => [r.ref, Math.round(r.score * 1e6) / 1e6]);
    } catch (err) {
      results[q] = { error: err.name };
    }
  }
  return { terms: Object.keys(index.invertedIndex).sort(), results };
}

const fold = Object.create(null);
for (const w of input.words || []) {
  fold[w] = { terms: shards.indexTerms(w), key: shards.aliasKey(w), bucket: shards.bucket(shards.aliasKey(w), 7) };
}
process.stdout.write(JSON.stringify({ ours: answer(ours), js: answer(jsIndex), jsSerialized: jsIndex.toJSON(), fold }));
