// A lunr index split by term, queried by lunr.js's own code with only the shards a query needs.
// Format and reasoning: README.md, "Search"; the files are written by plugins/newsreader/core/search_shards.py.
// (Comments live in README.md's Search section and core/search_shards.py: this file is fetched on focus.)
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory;
  else if (root.lunr) root.lunrShards = factory(root.lunr);
  else root.lunrShardsFactory = factory;
})(this, function (lunr) {
  "use strict";

  var LEADING = /^[^\p{L}\p{N}\p{M}_]+/u;
  var TRAILING = /[^\p{L}\p{N}\p{M}_]+$/u;
  var SPECIAL = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th" };
  var SPECIAL_RE = /[łøđðħıŀßæœþ]/g;
  var ASCII = /^[\x00-\x7f]*$/;

  function trim(word) { return word.replace(LEADING, "").replace(TRAILING, ""); }

  function fold(word) {
    if (ASCII.test(word)) return word;
    return word.normalize("NFD").replace(/\p{Mn}/gu, "").replace(SPECIAL_RE, function (c) { return SPECIAL[c]; });
  }

  function unicodeTrimmer(token) { return token.update(trim); }

  function foldDiacritics(token) {
    var word = token.toString(), folded = fold(word);
    return folded === word ? token : [token, token.clone(function () { return folded; })];
  }

  if (!lunr.Pipeline.registeredFunctions.unicodeTrimmer) {
    lunr.Pipeline.registerFunction(unicodeTrimmer, "unicodeTrimmer");
    lunr.Pipeline.registerFunction(foldDiacritics, "foldDiacritics");
  }

  function indexTerms(word) {
    var t = trim(String(word).toLowerCase());
    if (!t || lunr.stopWordFilter(new lunr.Token(t)) === undefined) return [];
    var f = fold(t);
    return (f === t ? [t] : [t, f]).map(function (v) { return lunr.stemmer(new lunr.Token(v)).toString(); });
  }

  function aliasKey(text) {
    return lunr.tokenizer(String(text)).map(function (token) {
      var word = trim(token.toString());
      if (/['\u2019]s$/.test(word)) word = trim(word.slice(0, -2));
      return fold(word).replace(/\./g, "");
    }).filter(Boolean).join(" ");
  }

  function bucket(key, buckets) {
    var h = 0;
    for (var ch of key) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h % buckets;
  }

  function ShardedIndex(manifest, base, getJSON, options) {
    options = options || {};
    this.manifest = manifest;
    this.dir = base + manifest.dir + "/";
    this.getJSON = getJSON;
    this.naive = Boolean(options.naive);
    this.maxShards = options.maxShards || 48;
    this.prefetch = Boolean(options.prefetch); // fetch the likely first result's display file during lunr's search
    this.fields = manifest.fields;
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
    this.invertedIndex = Object.create(null); // the terms queries expanded to: lunr's entries
    this.terms = Object.create(null); // the same terms: their field refs and vectors (posting())
    this.entries = Object.create(null); // the other loaded terms: their shard entries
    this.shardTerms = {}; // shard number -> its terms, once loaded
    this.pending = {};
    this.tokenSet = lunr.TokenSet.fromArray([]);
    this.cache = {};
    this.fetched = []; // every URL fetched, in order (for tests and the bench)
  }

  ShardedIndex.prototype.get = function (url) {
    if (!this.cache[url]) {
      this.fetched.push(url);
      var self = this;
      this.cache[url] = this.getJSON(url).catch(function (err) { delete self.cache[url]; throw err; });
    }
    return this.cache[url];
  };

  function lastAtMost(keys, term) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  ShardedIndex.prototype.shardOf = function (term) {
    if (this.manifest.keys) return Promise.resolve(lastAtMost(this.manifest.keys, term)); // a small index
    var g = lastAtMost(this.manifest.groups, term), size = this.manifest.group;
    return this.get(this.dir + "k" + g + ".json").then(function (keys) { return g * size + lastAtMost(keys, term); });
  };

  ShardedIndex.prototype.plan = function (q) {
    var query = new lunr.Query(this.fields), self = this;
    var plan = { shards: {}, extra: {}, vocab: [], lookups: [], clauses: [] };
    new lunr.QueryParser(q, query).parse();
    plan.negated = query.isNegated();
    function mark(set) { return function (n) { set[n] = true; }; }
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      plan.clauses.push({ clause: clause, terms: terms });
      terms.forEach(function (term) {
        if (self.naive) {
          plan.lookups.push(self.shardOf(term.replace(/\*/g, "")).then(mark(plan.shards)));
        } else if ("editDistance" in clause || /\*./.test(term) || term.charAt(0) === "*") {
          plan.vocab.push("editDistance" in clause ? { term: term, editDistance: clause.editDistance } : { term: term });
        } else if (term.indexOf("*") >= 0) {
          var prefix = term.replace(/\*+$/, "");
          plan.lookups.push(Promise.all([self.shardOf(prefix), self.shardOf(prefix + "\uffff")]).then(function (range) {
            for (var n = range[0]; n <= range[1]; n++) plan.extra[n] = true;
          }));
        } else {
          plan.lookups.push(self.shardOf(term).then(mark(plan.shards)));
        }
      });
    });
    return plan;
  };

  ShardedIndex.prototype.expand = function (plan) {
    var self = this;
    if (!plan.vocab.length) return Promise.resolve(plan);
    return this.get(this.dir + "vocab.json").then(function (perShard) {
      if (!self.vocabSet) {
        self.vocabShard = Object.create(null);
        perShard.forEach(function (terms, n) { terms.forEach(function (t) { self.vocabShard[t] = n; }); });
        self.vocabSet = lunr.TokenSet.fromArray([].concat.apply([], perShard));
      }
      plan.vocab.forEach(function (clause) {
        self.vocabSet.intersect(lunr.TokenSet.fromClause(clause)).toArray().forEach(function (term) {
          plan.extra[self.vocabShard[term]] = true;
        });
      });
      return plan;
    });
  };

  var DIGITS = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-$!()";
  var VALUE = {};
  for (var d = 0; d < 32; d++) { VALUE[DIGITS.charCodeAt(d)] = d; VALUE[MORE.charCodeAt(d)] = 32 + d; }

  function numbers(text) {
    var out = [], n = 0;
    for (var i = 0; i < text.length; i++) {
      var v = VALUE[text.charCodeAt(i)];
      if (v === undefined) throw new Error("bad shard postings");
      n = n * 32 + (v & 31);
      if (v < 32) { out.push(n); n = 0; }
    }
    return out;
  }

  // A shard's entries stay as fetched until a query expands to one of their terms (posting()).
  ShardedIndex.prototype.add = function (n, entries) {
    var terms = [];
    for (var e = 0; e < entries.length; e++) {
      this.entries[entries[e][0]] = entries[e];
      terms.push(entries[e][0]);
    }
    this.shardTerms[n] = terms;
  };

  var NO_METADATA = {}; // every posting's metadata: lunr only reads its keys (the index keeps none)

  // A term's postings, decoded when a query first expands to it: lunr's inverted-index entry, and
  // the field refs it has entries for, each with its field vector for a search of this term alone
  // ([term index, weight]: one lunr.Vector per weight, shared, as lunr never changes a field vector).
  ShardedIndex.prototype.posting = function (term) {
    if (this.invertedIndex[term]) return;
    var fields = this.fields, entry = this.entries[term], number = entry[1], posting = { _index: number };
    var keys = [], vectors = [], refs = [];
    for (var f = 0; f < fields.length; f++) {
      var docs = {}, flat = numbers(entry[2 + f]), weight = 0, prefix = fields[f] + "/";
      for (var k = 0; k < flat.length;) {
        weight += flat[k];
        var end = k + 2 + flat[k + 1], ref = 0, shared = new lunr.Vector([number, weight / 1000]);
        for (k += 2; k < end; k++) {
          ref += flat[k];
          docs[ref] = NO_METADATA;
          keys.push(prefix + ref);
          vectors.push(shared);
          refs.push(ref);
        }
      }
      posting[fields[f]] = docs;
    }
    this.invertedIndex[term] = posting;
    this.terms[term] = { number: number, keys: keys, vectors: vectors, refs: refs, byKey: null };
    delete this.entries[term];
  };

  // field ref -> vector, for the term's postings (made when a search first needs it).
  function byKey(term) {
    if (!term.byKey) {
      var out = Object.create(null);
      for (var k = 0; k < term.keys.length; k++) out[term.keys[k]] = term.vectors[k];
      term.byKey = out;
    }
    return term.byKey;
  }

  // lunr's own expansion of every clause's terms against the loaded token set (Index.prototype.query):
  // the terms lunr will look up. Their postings are decoded; those of clauses that score are returned.
  ShardedIndex.prototype.expanded = function (plan) {
    var self = this, scored = {};
    plan.clauses.forEach(function (c) {
      var prohibited = c.clause.presence === lunr.Query.presence.PROHIBITED;
      c.terms.forEach(function (term) {
        var clause = { term: term, wildcard: c.clause.wildcard };
        if ("editDistance" in c.clause) clause.editDistance = c.clause.editDistance;
        self.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray().forEach(function (t) {
          self.posting(t);
          if (!prohibited) scored[t] = true;
        });
      });
    });
    return Object.keys(scored);
  };

  // The field vectors of one search hold the entries of its scored terms only: lunr scores a field as
  // queryVector.similarity(fieldVector), a merge over the term indices both vectors hold, so the
  // entries of other terms add nothing. The term with the most postings lends its vectors (as the
  // prototype); a field ref that other terms share gets a new vector with each one's entry, in
  // ascending term index (the order lunr.Vector keeps).
  ShardedIndex.prototype.vectors = function (terms) {
    var own = terms.map(function (t) { return this.terms[t]; }, this);
    if (!own.length) return Object.create(null);
    var biggest = own.reduce(function (a, b) { return b.keys.length > a.keys.length ? b : a; });
    var base = byKey(biggest), out = Object.create(base), made = [], at = biggest.number;
    if (own.length === 1) return base;
    own.sort(function (a, b) { return a.number - b.number; });
    for (var t = 0; t < own.length; t++) {
      if (own[t] === biggest) continue;
      var keys = own[t].keys, vectors = own[t].vectors, number = own[t].number;
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k], v = out[key], weight = vectors[k].elements[1];
        if (!v) { // this term's alone, so far
          out[key] = vectors[k];
        } else if (v.search === out) { // made by this search: its entries so far, then the biggest term's if due
          if (v.due !== null && at < number) { v.elements.push(at, v.due); v.due = null; }
          v.elements.push(number, weight);
        } else { // the biggest term's (at < number or due later) or an earlier term's alone (no entry of the biggest)
          var inherited = v.elements[0] === at;
          v = out[key] = new lunr.Vector(inherited && at > number ? [number, weight] : v.elements.concat([number, weight]));
          v.search = out;
          v.due = inherited && at > number ? base[key].elements[1] : null;
          if (v.due !== null) made.push(v);
        }
      }
    }
    for (var m = 0; m < made.length; m++) if (made[m].due !== null) made[m].elements.push(at, made[m].due);
    return out;
  };

  // The document a plain query (optional words, every field, no boost) most likely ranks first: the
  // largest sum of its terms' weights (lunr divides each field's sum by the same query-vector length).
  // Only a guess, to fetch its display file while lunr's search runs; the results are lunr's own.
  ShardedIndex.prototype.likelyFirst = function (plan, terms) {
    var fields = this.fields.length, sums = new Float64Array(this.manifest.docs), best = -1, t, k;
    var plain = plan.clauses.every(function (c) {
      return c.clause.presence === lunr.Query.presence.OPTIONAL && c.clause.boost === 1 && c.clause.fields.length === fields;
    });
    if (!plain || !terms.length) return null;
    var own = terms.map(function (term) { return this.terms[term]; }, this);
    for (t = 0; t < own.length; t++) for (k = 0; k < own[t].refs.length; k++) sums[own[t].refs[k]] += own[t].vectors[k].elements[1];
    for (t = 0; t < own.length; t++) {
      for (k = 0; k < own[t].refs.length; k++) {
        var ref = own[t].refs[k];
        if (best < 0 || sums[ref] > sums[best] || (sums[ref] === sums[best] && ref < best)) best = ref;
      }
    }
    return best;
  };

  ShardedIndex.prototype.load = function (numbers) {
    var self = this, fresh = false;
    return Promise.all(numbers.map(function (n) {
      if (self.shardTerms[n]) return null;
      if (!self.pending[n]) {
        self.pending[n] = self.get(self.dir + "t" + n + ".json").then(function (entries) {
          if (!self.shardTerms[n]) { self.add(n, entries); fresh = true; }
        }).finally(function () { delete self.pending[n]; });
      }
      return self.pending[n];
    })).then(function () {
      if (!fresh && self.tokenSetShards === Object.keys(self.shardTerms).length) return;
      var loaded = Object.keys(self.shardTerms).map(Number).sort(function (a, b) { return a - b; });
      self.tokenSet = lunr.TokenSet.fromArray([].concat.apply([], loaded.map(function (n) { return self.shardTerms[n]; })));
      self.tokenSetShards = loaded.length;
    });
  };

  // A query of prohibited words only scores every field of every document 0, in the whole index's
  // field-vector order (lunr takes Object.keys(fieldVectors)).
  ShardedIndex.prototype.every = function () {
    if (this.all) return this.all;
    var all = Object.create(null);
    for (var ref = 0; ref < this.manifest.docs; ref++) {
      for (var f = 0; f < this.fields.length; f++) all[this.fields[f] + "/" + ref] = new lunr.Vector();
    }
    return (this.all = all);
  };

  ShardedIndex.prototype.search = function (q) {
    var self = this, plan;
    try { plan = this.plan(q); } catch (err) { return Promise.reject(err); }
    return Promise.all([this.expand(plan)].concat(plan.lookups)).then(function () {
      var extra = Object.keys(plan.extra).filter(function (n) { return !plan.shards[n]; });
      var approximate = extra.length > self.maxShards;
      var numbers = Object.keys(plan.shards).concat(extra.slice(0, self.maxShards)).map(Number);
      return self.load(numbers).then(function () {
        var scored = self.expanded(plan), first = self.prefetch ? self.likelyFirst(plan, scored) : null;
        if (first !== null) self.doc(first).catch(function () {}); // fetched again when shown, if this failed
        var results = new lunr.Index({ invertedIndex: self.invertedIndex,
          fieldVectors: plan.negated ? self.every() : self.vectors(scored),
          tokenSet: self.tokenSet, fields: self.fields, pipeline: self.pipeline }).search(q);
        results.approximate = approximate; // the expansion was capped: lunr.js might find more
        return results;
      });
    });
  };

  ShardedIndex.prototype.doc = function (ref) { return this.get(this.dir + "d/" + ref + ".json"); };
  ShardedIndex.prototype.facets = function () { return this.get(this.dir + "facets.json"); };

  ShardedIndex.prototype.entities = function (text) {
    var key = aliasKey(text);
    if (!key) return Promise.resolve([]);
    return this.get(this.dir + "a" + bucket(key, this.manifest.aliases) + ".json").then(function (table) {
      return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : [];
    });
  };

  return { ShardedIndex: ShardedIndex, indexTerms: indexTerms, aliasKey: aliasKey, bucket: bucket, fold: fold, trim: trim };
});
