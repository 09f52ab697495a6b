// Answer queries with lunr.js on the whole index (search/lunr-index.json) and with the sharded
// index (search/manifest.json + shards, theme/static/js/search-shards.js), from files on disk.
// Input: a JSON file {dir, queries, naive, maxShards, prefetch}. Output (stdout): {whole, fresh, session} where each maps
// a query to [[ref, score], ...] (scores as JSON numbers: the exact doubles) or {error: name}.
// "fresh" answers each query with a new sharded index, "session" one index for every query in turn;
// "approximate" lists the queries whose wildcard/fuzzy expansion hit maxShards; "prefetched" the display
// files (refs) a fresh index fetched during each search; "names" the files it fetched.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require(path.join(__dirname, "..", "..", "node_modules", "lunr"));
const shards = require(path.join(__dirname, "..", "..", "theme", "static", "js", "search-shards.js"))(lunr);

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const read = (url) => Promise.resolve().then(() => JSON.parse(fs.readFileSync(url, "utf8")));
const base = input.dir.replace(/\/?$/, "/");
const whole = lunr.Index.load(JSON.parse(fs.readFileSync(base + "lunr-index.json", "utf8")));
const manifest = JSON.parse(fs.readFileSync(base + "manifest.json", "utf8"));
const options = { naive: Boolean(input.naive), maxShards: input.maxShards, prefetch: Boolean(input.prefetch) };

const store = () => Object.create(null); // keyed by query: "__proto__" must be a key like any other
const approximate = store();
const shown = (results, q) => { if (results.approximate) approximate[q] = true; return results.map((r) => [r.ref, r.score]); };

async function main() {
  const out = { whole: store(), fresh: store(), session: store(), files: store(), names: store(), prefetched: store() };
  const session = new shards.ShardedIndex(manifest, base, read, options);
  for (const q of input.queries) {
    try { out.whole[q] = shown(whole.search(q)); } catch (err) { out.whole[q] = { error: err.name }; }
    const fresh = new shards.ShardedIndex(manifest, base, read, options);
    for (const [name, index] of [["fresh", fresh], ["session", session]]) {
      try { out[name][q] = shown(await index.search(q), q); } catch (err) { out[name][q] = { error: err.name }; }
    }
    out.files[q] = fresh.fetched.length;
    out.names[q] = fresh.fetched.map((u) => path.basename(u));
    out.prefetched[q] = fresh.fetched.filter((u) => u.includes("/d/")).map((u) => path.basename(u, ".json"));
  }
  out.approximate = Object.keys(approximate);
  process.stdout.write(JSON.stringify(out));
}
main().catch((err) => { console.error(err); process.exit(1); });
