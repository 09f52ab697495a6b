// A lunr index split by term, queried by lunr.js's own code with only the shards a query needs: see README.md, "Search"
// (the comments live there and in plugins/newsreader/core/search_shards.py: this file is fetched on focus).
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
    this.prefetch = Boolean(options.prefetch);
    this.fields = manifest.fields;
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
    this.invertedIndex = Object.create(null);
    this.terms = Object.create(null);
    this.entries = Object.create(null);
    this.shardTerms = Object.create(null);
    this.pending = Object.create(null);
    this.tokenSet = lunr.TokenSet.fromArray([]);
    this.cache = Object.create(null);
    this.fetched = [];
    this.aborted = [];
    this.inflight = Object.create(null);
  }

  // Each file is fetched once; "seen" (optional) collects the URLs one search needs, so that cancel(seen)
  // can abort what only earlier searches wanted.
  ShardedIndex.prototype.get = function (url, seen) {
    if (seen) seen[url] = true;
    if (!this.cache[url]) {
      this.fetched.push(url);
      var self = this, controller = typeof AbortController === "function" ? new AbortController() : null;
      if (controller) this.inflight[url] = controller;
      this.cache[url] = this.getJSON(url, controller ? controller.signal : undefined).then(function (value) {
        delete self.inflight[url];
        return value;
      }, function (err) { delete self.inflight[url]; delete self.cache[url]; throw err; });
    }
    return this.cache[url];
  };

  // Abort every fetch still under way that no URL of "keep" names: a prefix typed past, a stale result.
  ShardedIndex.prototype.cancel = function (keep) {
    for (var url in this.inflight) {
      // a term shard or key file is kept: it serves longer prefixes
      if (!keep[url] && !/\/[tk]\d+\.json$/.test(url)) { this.aborted.push(url); this.inflight[url].abort(); delete this.inflight[url]; }
    }
  };

  function lastAtMost(keys, term) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  ShardedIndex.prototype.shardOf = function (term, seen) {
    if (this.manifest.keys) return Promise.resolve(lastAtMost(this.manifest.keys, term));
    var g = lastAtMost(this.manifest.groups, term), size = this.manifest.group;
    return this.get(this.dir + "k" + g + ".json", seen).then(function (keys) { return g * size + lastAtMost(keys, term); });
  };

  // How many terms start with "prefix" (what "prefix*" expands to), reading its shards; -1 without reading
  // them when they are more than "limit": the page adds a prefix clause while typing only when it is cheap.
  ShardedIndex.prototype.prefixTerms = function (prefix, limit, seen) {
    var self = this;
    return Promise.all([this.shardOf(prefix, seen), this.shardOf(prefix + "\uffff", seen)]).then(function (range) {
      if (range[1] - range[0] + 1 > limit) return -1;
      var numbers = [];
      for (var n = range[0]; n <= range[1]; n++) numbers.push(n);
      return self.load(numbers, seen).then(function () {
        var count = 0;
        numbers.forEach(function (n) {
          self.shardTerms[n].forEach(function (t) { if (t.lastIndexOf(prefix, 0) === 0) count++; });
        });
        return count;
      });
    });
  };

  ShardedIndex.prototype.plan = function (q, seen) {
    var query = new lunr.Query(this.fields), self = this;
    var plan = { shards: Object.create(null), extra: Object.create(null), vocab: [], fuzzy: [], lookups: [], clauses: [],
      seen: seen || Object.create(null) };
    seen = plan.seen;
    new lunr.QueryParser(q, query).parse();
    plan.negated = query.isNegated();
    function mark(set) { return function (n) { set[n] = true; }; }
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      plan.clauses.push({ clause: clause, terms: terms });
      terms.forEach(function (term) {
        if (self.naive) {
          plan.lookups.push(self.shardOf(term.replace(/\*/g, ""), seen).then(mark(plan.shards)));
        } else if ("editDistance" in clause && term.indexOf("*") < 0 && self.manifest.lengths) {
          plan.fuzzy.push({ term: term, editDistance: clause.editDistance });
        } else if ("editDistance" in clause || /\*./.test(term) || term.charAt(0) === "*") {
          plan.vocab.push("editDistance" in clause ? { term: term, editDistance: clause.editDistance } : { term: term });
        } else if (term.indexOf("*") >= 0) {
          var prefix = term.replace(/\*+$/, "");
          plan.lookups.push(Promise.all([self.shardOf(prefix, seen), self.shardOf(prefix + "\uffff", seen)]).then(function (range) {
            for (var n = range[0]; n <= range[1]; n++) plan.extra[n] = true;
          }));
        } else {
          plan.lookups.push(self.shardOf(term, seen).then(mark(plan.shards)));
        }
      });
    });
    return plan;
  };

  // A fuzzy term w~d can only match terms of length len(w) − d … len(w) + d: it reads those length files.
  ShardedIndex.prototype.expandFuzzy = function (plan) {
    var self = this, top = this.manifest.lengths, wanted = Object.create(null);
    if (!plan.fuzzy.length) return Promise.resolve(plan);
    plan.fuzzy.forEach(function (clause) {
      var lo = Math.max(1, clause.term.length - clause.editDistance), hi = Math.min(top, clause.term.length + clause.editDistance);
      for (var l = lo; l <= hi; l++) wanted[l] = true;
    });
    var lengths = Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
    return Promise.all(lengths.map(function (l) { return self.get(self.dir + "v" + l + ".json", plan.seen); })).then(function (files) {
      var shardOfTerm = Object.create(null), terms = [];
      files.forEach(function (rows) {
        rows.forEach(function (row) {
          for (var i = 1; i < row.length; i++) { shardOfTerm[row[i]] = row[0]; terms.push(row[i]); }
        });
      });
      terms.sort(); // UTF-16 code unit order: lunr's, as TokenSet.fromArray needs
      var set = lunr.TokenSet.fromArray(terms);
      plan.fuzzy.forEach(function (clause) {
        set.intersect(lunr.TokenSet.fromClause(clause)).toArray().forEach(function (term) {
          plan.extra[shardOfTerm[term]] = true;
        });
      });
      return plan;
    });
  };

  ShardedIndex.prototype.expand = function (plan) {
    var self = this;
    if (!plan.vocab.length) return Promise.resolve(plan);
    return this.get(this.dir + "vocab.json", plan.seen).then(function (perShard) {
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

  ShardedIndex.prototype.add = function (n, entries) {
    var terms = [];
    for (var e = 0; e < entries.length; e++) {
      this.entries[entries[e][0]] = entries[e];
      terms.push(entries[e][0]);
    }
    this.shardTerms[n] = terms;
  };

  var NO_METADATA = {}, EMPTY = new lunr.Vector();

  ShardedIndex.prototype.posting = function (term) {
    if (this.invertedIndex[term]) return;
    var fields = this.fields, entry = this.entries[term], number = entry[1], posting = { _index: number };
    var keys = [], vectors = [];
    for (var f = 0; f < fields.length; f++) {
      var docs = Object.create(null), flat = numbers(entry[2 + f]), weight = 0, prefix = fields[f] + "/";
      for (var k = 0; k < flat.length;) {
        weight += flat[k];
        var end = k + 2 + flat[k + 1], ref = 0, shared = new lunr.Vector([number, weight / 1000]);
        for (k += 2; k < end; k++) {
          ref += flat[k];
          docs[ref] = NO_METADATA;
          keys.push(prefix + ref);
          vectors.push(shared);
        }
      }
      posting[fields[f]] = docs;
    }
    this.invertedIndex[term] = posting;
    this.terms[term] = { number: number, keys: keys, vectors: vectors, byKey: null };
    delete this.entries[term];
  };

  function byKey(term) {
    if (!term.byKey) {
      var out = Object.create(null);
      for (var k = 0; k < term.keys.length; k++) out[term.keys[k]] = term.vectors[k];
      term.byKey = out;
    }
    return term.byKey;
  }

  ShardedIndex.prototype.expanded = function (plan) {
    var self = this, scored = Object.create(null); // terms: "__proto__" is a term like any other
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

  ShardedIndex.prototype.vectors = function (terms) {
    var own = terms.map(function (t) { return this.terms[t]; }, this);
    if (own.length < 2) return own.length ? byKey(own[0]) : Object.create(null);
    var big = own.reduce(function (a, b) { return b.keys.length > a.keys.length ? b : a; }), out = Object.create(byKey(big));
    own.forEach(function (term) {
      for (var k = 0; term !== big && k < term.keys.length; k++) {
        var key = term.keys[k], v = out[key], e = term.vectors[k].elements;
        if (!v) out[key] = term.vectors[k];
        else {
          if (v.search !== out) (v = out[key] = new lunr.Vector(v.elements.slice())).search = out;
          for (var i = v.elements.length; i && v.elements[i - 2] > e[0]; i -= 2);
          v.elements.splice(i, 0, e[0], e[1]);
        }
      }
    });
    return out;
  };

  ShardedIndex.prototype.likelyFirst = function (plan, terms) {
    var n = this.fields.length, sums = Object.create(null), best = null;
    if (!plan.clauses.every(function (c) { return c.clause.presence === 1 && c.clause.boost === 1 && c.clause.fields.length === n; })) return null;
    terms.forEach(function (t) {
      var term = this.terms[t];
      term.keys.forEach(function (key, k) {
        var r = +key.slice(key.indexOf("/") + 1);
        sums[r] = (sums[r] || 0) + term.vectors[k].elements[1];
        if (best === null || sums[r] > sums[best] || (sums[r] === sums[best] && r < best)) best = r;
      });
    }, this);
    return best;
  };

  ShardedIndex.prototype.load = function (numbers, seen) {
    var self = this, fresh = false;
    return Promise.all(numbers.map(function (n) {
      if (self.shardTerms[n]) return null;
      if (seen) seen[self.dir + "t" + n + ".json"] = true;
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

  ShardedIndex.prototype.every = function () {
    if (this.all) return this.all;
    var all = Object.create(null);
    for (var ref = 0; ref < this.manifest.docs; ref++) {
      for (var f = 0; f < this.fields.length; f++) all[this.fields[f] + "/" + ref] = EMPTY;
    }
    return (this.all = all);
  };

  // lunr.js's results for q; "seen" (optional) collects the URLs this search needed (see cancel).
  ShardedIndex.prototype.search = function (q, seen) {
    var self = this, plan;
    try { plan = this.plan(q, seen); } catch (err) { return Promise.reject(err); }
    return Promise.all([this.expand(plan), this.expandFuzzy(plan)].concat(plan.lookups)).then(function () {
      var extra = Object.keys(plan.extra).filter(function (n) { return !plan.shards[n]; });
      var approximate = extra.length > self.maxShards;
      var numbers = Object.keys(plan.shards).concat(extra.slice(0, self.maxShards)).map(Number);
      return self.load(numbers, plan.seen).then(function () {
        var scored = self.expanded(plan), first = self.prefetch ? self.likelyFirst(plan, scored) : null;
        if (first !== null) self.doc(first, plan.seen).catch(function () {});
        var results = new lunr.Index({ invertedIndex: self.invertedIndex,
          fieldVectors: plan.negated ? self.every() : self.vectors(scored),
          tokenSet: self.tokenSet, fields: self.fields, pipeline: self.pipeline }).search(q);
        results.approximate = approximate;
        return results;
      });
    });
  };

  ShardedIndex.prototype.doc = function (ref, seen) { return this.get(this.dir + "d/" + ref + ".json", seen); };
  ShardedIndex.prototype.facets = function (seen) { return this.get(this.dir + "facets.json", seen); };

  ShardedIndex.prototype.entities = function (text, seen) {
    var key = aliasKey(text);
    if (!key) return Promise.resolve([]);
    return this.get(this.dir + "a" + bucket(key, this.manifest.aliases) + ".json", seen).then(function (table) {
      return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : [];
    });
  };

  return { ShardedIndex: ShardedIndex, indexTerms: indexTerms, aliasKey: aliasKey, bucket: bucket, fold: fold, trim: trim };
});
