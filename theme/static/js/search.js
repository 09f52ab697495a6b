// Client-side search: lunr.js answers queries from the term shards a query needs (search-shards.js).
// Nothing is fetched until the reader focuses a search box or opens the search page; then one script
// (search-lunr.js: lunr.js and search-shards.js) and search/manifest.json, and per query only its shards
// and the shown results. While typing, the last word also matches as a prefix ("tal" adds "tal*"); a query
// that finds nothing is retried one edit away ("tarif~1"); a "quoted phrase" keeps only the articles whose
// text has it. Each of these rewrites the query lunr.js runs and says so: the scores are lunr's own.
// Every piece of result text is inserted with textContent: article text is untrusted.
(function () {
  "use strict";

  var form = document.querySelector("form.site-search");
  if (!form) return;
  var headerBox = form.querySelector("input[type=search]");
  // What only this script makes work is added by it: the keyboard hints and the results panel.
  headerBox.setAttribute("aria-describedby", "site-search-hint");
  form.querySelector(".search-submit").insertAdjacentHTML("afterend",
    '<span class="shortcut-hint" aria-hidden="true" title="Press / or Ctrl K to search">press <kbd>/</kbd></span>' +
    '<span id="site-search-hint" class="visually-hidden">Press slash or Control K to come back here. Results appear' +
    " as you type; use the arrow keys to move through them.</span>" +
    '<div class="search-panel" hidden><p class="search-status" role="status" aria-live="polite"></p>' +
    '<ol class="search-results"></ol></div>');
  var panel = form.querySelector(".search-panel");
  var pageRoot = document.querySelector("[data-search-page-root]");
  var searchBase = form.getAttribute("action"); // ".../search/": the search page, beside its files
  var scriptUrl = (document.currentScript || document.querySelector("script[src$='/search.js']")).src; // ".../js/search.js"
  var MAX_QUERY = 200;
  var PANEL_RESULTS = 8;
  var PAGE_STEP = 20;
  var PREFIX_SHARDS = 3; // a prefix clause while typing only when its terms fill at most this many shards
  var REST_DELAY = 300; // while typing, results after the first wait this long (ms) for the query to settle
  var PHRASE_CHECKS = { panel: 40, page: 100 }; // display files read to find a quoted phrase (about 2 kB each)
  var loading = null;
  var index = null; // lunrShards.ShardedIndex

  // ---- loading ---------------------------------------------------------------------------
  function loadScript(src, ready) {
    return new Promise(function (resolve, reject) {
      if (ready()) return resolve();
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  function getJSON(url, signal) {
    return fetch(url, { credentials: "same-origin", signal: signal }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function load() {
    if (loading) return loading;
    var bundleUrl = scriptUrl.replace(/[^/]*$/, "search-lunr.js");
    var scripts = loadScript(bundleUrl, function () { return window.lunrShards; });
    loading = Promise.all([scripts, getJSON(searchBase + "manifest.json")]).then(function (parts) {
      index = new window.lunrShards.ShardedIndex(parts[1], searchBase, getJSON, { prefetch: true });
      return index;
    });
    loading.catch(function () { loading = null; }); // try again on the next focus
    return loading;
  }

  // ---- queries ---------------------------------------------------------------------------
  // lunr's query syntax (title:, +, -, *, ~, ^) is used as typed; a query lunr cannot parse, or
  // one whose words carry stray punctuation, is cleaned to plain words with their + / - kept.
  function cleaned(raw) {
    return String(raw).slice(0, MAX_QUERY).split(/\s+/).map(function (w) {
      var op = /^[+-]/.test(w) ? w[0] : "";
      w = w.replace(/\b((?:[A-Za-z]\.){2,})/g, function (m) { return m.replace(/\./g, ""); });
      return window.lunr.tokenizer(w).map(function (t) {
        var word = window.lunrShards.trim(t.toString().replace(/[:~^*+]/g, " ").trim().replace(/['\u2019]s$/, ""));
        return word ? op + word : "";
      }).filter(Boolean).join(" ");
    }).filter(Boolean).join(" ");
  }

  // "Quoted phrases" in the typed text (straight or curly quotes), and the text without them.
  function phrases(typed) {
    var found = [];
    var rest = typed.replace(/["\u201c\u201d]([^"\u201c\u201d]+)["\u201c\u201d]/g, function (m, inner) {
      if (cleaned(inner)) found.push(inner.trim());
      return " ";
    });
    return { phrases: found, rest: rest };
  }

  // Text as phrases are compared: folded, lower case, words separated by one space.
  function normal(text) {
    return window.lunrShards.fold(String(text).toLowerCase()).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
  }

  function hasPhrases(doc, wanted) {
    var text = " " + normal([doc.t].concat((doc.p || []).map(function (s) { return s[1]; })).join(" ")) + " ";
    return wanted.every(function (p) { return text.indexOf(" " + p + " ") >= 0; });
  }

  // lunr's results for one query string; the alias fallback: a name or alias no article uses as such
  // ("US") finds the articles that use the entity's full name.
  function lunrSearch(syntax, plain, names, seen) {
    return index.search(syntax, seen).catch(function () { return index.search(plain, seen); }).then(function (results) {
      if (!names.length || syntax !== plain || results.length) return results;
      var more = names.map(function (e) { return cleaned(e[0]); }).join(" ");
      return index.search(plain + " " + more, seen).catch(function () { return results; });
    });
  }

  // The prefix clause for an unfinished last word: the word itself when terms start with it; else the
  // longest shorter prefix that terms start with, at most 4 letters shorter, at least 3 long and two thirds
  // of the word (the index holds stems: "negotiato" finds "negoti*", "fishin" "fish*"; a misspelt "aroda" does
  // not fall back to "aro*", so the one-edit retry can find "arada"); "" for none; null when the word is too
  // short, or so many terms start with it that their shards are more than PREFIX_SHARDS (keep typing).
  function prefixOf(word, seen) {
    if (word.length < 2) return Promise.resolve(null);
    var floor = Math.max(3, word.length - 4, Math.ceil(word.length * 2 / 3));
    function attempt(p) {
      // An index too big to list every shard's key in its manifest has heavier shards (a common term's
      // postings alone can be 10 kB): there a prefix clause may cost one shard only.
      return index.prefixTerms(p, index.manifest.keys ? PREFIX_SHARDS : 1, seen).then(function (count) {
        if (count > 0) return p;
        if (count < 0) return p === word ? null : "";
        return p.length > floor ? attempt(p.slice(0, -1)) : "";
      });
    }
    return attempt(word);
  }

  // Articles for the query (lunr's results), the entities named by it, and how the query was rewritten:
  // {results, entities, query (what lunr ran), prefix, fuzzy, phrases, checked, capped, early}.
  // typing: the last word may be unfinished (it also matches as a prefix); where: "panel" or "page".
  function run(raw, typing, where, seen) {
    var typed = String(raw).slice(0, MAX_QUERY);
    var quoted = phrases(typed);
    var plain = cleaned(quoted.rest), syntax = /[:~^*]/.test(quoted.rest) ? quoted.rest : plain;
    var wanted = quoted.phrases.map(normal).filter(Boolean);
    if (wanted.length) { // every word of a phrase is required; the phrase itself is checked on the text
      var words = quoted.phrases.map(function (p) { return cleaned(p).split(" ").map(function (w) { return "+" + w.replace(/^[+-]/, ""); }).join(" "); });
      plain = (words.join(" ") + " " + plain).trim();
      syntax = (words.join(" ") + " " + syntax).trim();
    }
    // No word at all (an emoji, punctuation): no results, as lunr.js gives (an empty query would match everything).
    if (!syntax.trim()) return Promise.resolve({ results: [], entities: [], query: "" });
    var entities = index.entities(typed, seen).catch(function () { return []; });
    var last = plain.split(" ").pop().toLowerCase();
    var unfinished = typing && !wanted.length && syntax === plain && !/\s$/.test(typed) && /^[\p{L}\p{N}]{1,30}$/u.test(last);
    return Promise.all([entities, unfinished ? prefixOf(last, seen) : ""]).then(function (parts) {
      var names = parts[0], prefix = parts[1] === null ? "" : parts[1], early = unfinished && parts[1] === null;
      // A fragment too short to search ("water b") is left out until it grows: its exact term would cost a
      // shard and match nothing useful.
      if (early) syntax = plain = plain.split(" ").slice(0, -1).join(" ");
      if (!syntax) return { results: [], entities: names, query: "", early: true, typedLast: last, phrases: [] };
      var q = prefix ? syntax + " " + prefix + "*" : syntax;
      return lunrSearch(q, prefix ? q : plain, names, seen).then(function (results) {
        var found = { results: results, entities: names, query: q, prefix: prefix, early: early, typedLast: last, phrases: quoted.phrases };
        if (results.length || syntax !== plain) return found;
        // Nothing: the words one edit away (lunr's own fuzzy terms), labelled as such.
        var fuzzy = plain.split(" ").map(function (w) {
          return /^[\p{L}\p{N}]{3,20}$/u.test(w) ? w + "~1" : w;
        }).join(" ");
        if (fuzzy === plain) return found;
        return index.search(fuzzy, seen).catch(function () { return []; }).then(function (more) {
          if (!more.length) return found;
          return { results: more, entities: names, query: fuzzy, fuzzy: true, typedWords: plain.split(" "), phrases: quoted.phrases };
        });
      });
    }).then(function (found) {
      if (!wanted.length || !found.results.length) return found;
      // Keep the articles whose title or sentences hold every phrase, in lunr's order.
      var limit = PHRASE_CHECKS[where], candidates = found.results.slice(0, limit);
      return Promise.all(candidates.map(function (r) { return index.doc(r.ref, seen); })).then(function (docs) {
        found.checked = candidates.length;
        found.capped = found.results.length > limit ? found.results.length : 0;
        found.results = candidates.filter(function (r, i) { return hasPhrases(docs[i], wanted); });
        return found;
      });
    });
  }

  // The word of the typed query a fuzzy result stands in for, as its own text spells it ("tariff").
  function suggestion(found, doc) {
    var matched = matchedTerms(found.results[0]);
    var words = [doc.t].concat((doc.p || []).map(function (s) { return s[1]; })).join(" ").split(/[\s\-]+/);
    var out = [], terms = Object.create(null);
    for (var i = 0; i < words.length && out.length < found.typedWords.length; i++) {
      var w = window.lunrShards.trim(words[i]), own = w ? window.lunrShards.indexTerms(w) : [];
      var fresh = own.filter(function (t) { return matched[t] && !terms[t]; });
      if (fresh.length) { out.push(w); fresh.forEach(function (t) { terms[t] = true; }); }
    }
    return out.length ? out.join(" ") : null;
  }

  function matchedTerms(result) {
    var wanted = Object.create(null); // terms: "__proto__" or "constructor" are terms like any other
    Object.keys(result.matchData.metadata).forEach(function (t) { wanted[t] = true; });
    return wanted;
  }

  function matches(word, wanted) {
    return window.lunrShards.indexTerms(word).some(function (t) { return wanted[t]; });
  }

  // The sentence with the most distinct matched terms (the first of equals).
  function bestSentence(sentences, wanted) {
    var best = null, bestCount = 0;
    sentences.forEach(function (s) {
      var seen = Object.create(null);
      s[1].split(/[\s\-]+/).forEach(function (w) {
        window.lunrShards.indexTerms(w).forEach(function (t) { if (wanted[t]) seen[t] = true; });
      });
      var count = Object.keys(seen).length;
      if (count > bestCount) { best = s; bestCount = count; }
    });
    return best;
  }

  // ---- rendering (text only, never HTML) ---------------------------------------------------
  function highlighted(text, wanted) {
    var frag = document.createDocumentFragment();
    String(text).split(/([\s\-]+)/).forEach(function (piece) {
      if (piece && matches(piece, wanted)) {
        var mark = document.createElement("mark");
        mark.appendChild(document.createTextNode(piece));
        frag.appendChild(mark);
      } else if (piece) {
        frag.appendChild(document.createTextNode(piece));
      }
    });
    return frag;
  }

  function resultItem(doc, result) {
    var wanted = matchedTerms(result);
    var best = bestSentence(doc.p || [], wanted);
    var sentence = best || (doc.p && doc.p[0]) || [null, ""];
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = best && best[0] ? doc.u + "#" + best[0] : doc.u;
    a.textContent = doc.t;
    var h = document.createElement("p");
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [doc.s, doc.d || "Date unknown"].filter(Boolean).join(" · ");
    var snippet = document.createElement("p");
    snippet.className = "snippet";
    snippet.appendChild(highlighted(sentence[1].length > 400 ? sentence[1].slice(0, 400) + "\u2026" : sentence[1], wanted));
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(snippet);
    return li;
  }

  var TYPE_LABELS = { person: "person", organization: "organisation", place: "place", agreement: "agreement" };

  function entityItem(entity) {
    var li = document.createElement("li");
    li.className = "search-entity";
    var a = document.createElement("a");
    a.href = entity[1];
    a.textContent = entity[0];
    var h = document.createElement("p");
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = (TYPE_LABELS[entity[2]] || entity[2]) + " \u00b7 every article, quote and event";
    li.appendChild(h);
    li.appendChild(meta);
    return li;
  }

  // Results in order: the first as soon as its display file arrives (start(first) clears the list
  // then), the rest together after it, once the query has stayed the same for "wait" ms (while typing,
  // a prefix typed past fetches no more than its first result).
  function renderResults(list, results, isCurrent, start, seen, wait) {
    if (!results.length) { if (start) start(null); return Promise.resolve(); }
    return index.doc(results[0].ref, seen).then(function (first) {
      if (!isCurrent()) return;
      if (start) start(first);
      list.appendChild(resultItem(first, results[0]));
      if (results.length < 2) return;
      return new Promise(function (resolve) { window.setTimeout(resolve, wait || 0); }).then(function () {
        if (!isCurrent()) return;
        return Promise.all(results.slice(1).map(function (r) { return index.doc(r.ref, seen); })).then(function (docs) {
          if (!isCurrent()) return;
          docs.forEach(function (doc, i) { list.appendChild(resultItem(doc, results[i + 1])); });
        });
      });
    });
  }

  // What the status says about the query as lunr ran it: the prefix, the one-edit retry, the phrase.
  function howFound(found, first) {
    if (found.fuzzy) {
      var mean = first ? suggestion(found, first) : null;
      return (mean ? "Did you mean \u201c" + mean + "\u201d? " : "") + "Showing words one letter away (" + found.query + ").";
    }
    var out = [];
    if (found.early && found.typedLast) out.push("\u201c" + found.typedLast + "\u201d left out until it is longer");
    if (found.prefix) out.push("and words starting with \u201c" + found.prefix + "\u201d: " + found.prefix + "*");
    if (found.phrases && found.phrases.length) {
      out.push("with the exact phrase" + (found.phrases.length > 1 ? "s " : " ") + found.phrases.map(function (p) { return "\u201c" + p + "\u201d"; }).join(", ") +
        (found.capped ? " among the " + found.checked + " best of " + found.capped + " articles with every word" : ""));
    }
    return out.length ? " (" + out.join("; ") + ")" : "";
  }

  function counted(n, found, raw, first, more) {
    if (found.fuzzy) {
      return "No articles match " + quoted(raw) + ". " + howFound(found, first) + " " + n + (n === 1 ? " article." : " articles.") + (more || "");
    }
    if (n) return n + (n === 1 ? " article matches " : " articles match ") + quoted(raw) + howFound(found, first) + (more || "");
    if (found.early) return "Keep typing: " + (found.typedLast.length < 2 ? "one letter is not enough to search " + quoted(raw) + "." :
      "too many words start with \u201c" + found.typedLast + "\u201d to search " + quoted(raw) + " yet.");
    if (found.phrases && found.phrases.length) return "No articles match " + quoted(raw) + howFound(found, first) + ".";
    return null;
  }

  function say(status, text) {
    status.textContent = text;
  }

  function quoted(raw) {
    var text = String(raw).trim();
    return "\u201c" + (text.length > 60 ? text.slice(0, 60) + "\u2026" : text) + "\u201d";
  }

  // The panel stays inside the viewport, however the header places the form.
  function fitPanel() {
    panel.style.left = panel.style.right = panel.style.width = "";
    var width = document.documentElement.clientWidth, rect = panel.getBoundingClientRect();
    if (rect.left >= 8 && rect.right <= width - 8) return;
    panel.style.width = Math.min(rect.width, width - 16) + "px";
    panel.style.right = "auto";
    panel.style.left = (8 - form.getBoundingClientRect().left) + "px";
  }

  // ---- header box: results as you type ---------------------------------------------------
  var panelList = panel.querySelector(".search-results");
  var panelStatus = panel.querySelector(".search-status");
  var timer = null;
  var panelSeq = 0;

  function showPanel(raw, typing) {
    var seq = ++panelSeq;
    var isCurrent = function () { return seq === panelSeq; };
    if (!raw.trim()) { panel.hidden = true; return; }
    panel.hidden = false;
    fitPanel();
    if (!index) { say(panelStatus, "Loading search…"); }
    var seen = Object.create(null), first = null;
    load().then(function () { return run(raw, typing, "panel", seen); }).then(function (found) {
      if (!isCurrent()) return;
      var n = found.results.length, shown = found.results.slice(0, PANEL_RESULTS);
      shown.forEach(function (r) { seen[index.dir + "d/" + r.ref + ".json"] = true; });
      index.cancel(seen); // what only a query typed past still fetches
      var status = function () {
        say(panelStatus, counted(n, found, raw, first, n > PANEL_RESULTS ? " (first " + PANEL_RESULTS + " shown; press Enter for all)" : "") ||
          "No articles match " + quoted(raw) + ". Try fewer words or another spelling.");
      };
      return renderResults(panelList, shown, isCurrent, function (doc) {
        first = doc;
        // A reader who arrowed into an earlier query's results keeps the keyboard: focus goes back to the box,
        // not to the page's start, when those results are replaced.
        var focused = panelList.contains(document.activeElement);
        panelList.textContent = "";
        if (focused) headerBox.focus();
        panelList.dataset.query = raw; // what the list shows results for (the bench and tests read it)
        found.entities.slice(0, 2).forEach(function (e) { panelList.appendChild(entityItem(e)); });
        if (typing) say(panelStatus, ""); // no earlier query's count beside these results
      }, seen, typing ? REST_DELAY : 0).then(function () {
        if (isCurrent()) status();
      });
    }).then(function () {
      if (isCurrent()) fitPanel();
    }).catch(function (err) {
      if (!isCurrent()) return;
      panelList.textContent = ""; // no earlier query's results under this message
      say(panelStatus, "Search is unavailable right now.");
      if (window.console) console.error(err);
    });
  }

  headerBox.addEventListener("focus", function () { load().catch(function () {}); });
  // At most one search per 120 ms while typing; the first one (or a paste) at once.
  var lastSearch = 0;
  headerBox.addEventListener("input", function () {
    if (pageRoot) return; // the search page shows its own results
    window.clearTimeout(timer);
    var wait = Math.max(0, lastSearch + 120 - Date.now());
    timer = window.setTimeout(function () { lastSearch = Date.now(); showPanel(headerBox.value, true); }, wait);
  });
  window.addEventListener("resize", function () { if (!panel.hidden) fitPanel(); });

  function links(container) { return Array.prototype.slice.call(container.querySelectorAll(".search-results a, .search-more")); }

  function arrowKeys(container, box) {
    container.addEventListener("keydown", function (event) {
      var list = links(container);
      var at = list.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        list[Math.min(at + 1, list.length - 1)].focus();
      } else if (event.key === "ArrowUp" && list.length) {
        event.preventDefault();
        if (at <= 0) box.focus(); else list[at - 1].focus();
      } else if (event.key === "Escape") {
        box.value = "";
        if (container === form) panel.hidden = true;
        box.focus();
        box.dispatchEvent(new Event("input"));
      }
    });
  }
  arrowKeys(form, headerBox);
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) panel.hidden = true;
  });

  // ---- keyboard shortcuts: "/" (can be switched off) and Ctrl/Cmd-K ---------------------------
  function slashEnabled() {
    try { return localStorage.getItem("search-slash") !== "off"; } catch (e) { return true; }
  }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    var target = pageRoot ? pageRoot.querySelector("input[type=search]") : headerBox;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      target.focus();
      target.select();
    } else if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && slashEnabled()) {
      event.preventDefault();
      target.focus();
    }
  });

  // ---- the search page -------------------------------------------------------------------
  if (!pageRoot) return;
  var pageBox = pageRoot.querySelector("input[type=search]");
  var pageList = pageRoot.querySelector(".search-results");
  var pageStatus = pageRoot.querySelector(".search-status");
  var more = pageRoot.querySelector(".search-more");
  var filters = pageRoot.querySelector(".search-filters");
  var selects = {};
  Array.prototype.forEach.call(filters.querySelectorAll("select"), function (s) { selects[s.dataset.filter] = s; });
  var slash = pageRoot.querySelector(".slash-shortcut");
  slash.checked = slashEnabled();
  slash.addEventListener("change", function () {
    try { localStorage.setItem("search-slash", slash.checked ? "on" : "off"); } catch (e) { /* not remembered */ }
  });
  var params = new URLSearchParams(window.location.search);
  pageBox.value = (params.get("q") || "").slice(0, MAX_QUERY);
  headerBox.value = pageBox.value;
  var facets = null;
  var found = null; // run()'s answer and raw
  var pageFirst = null; // the first result's display file (for "did you mean")
  var pageSeq = 0;
  var shownUpTo = 0;

  function fillSelect(select, values, labels) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = labels ? labels(v) : v;
      select.appendChild(o);
    });
    select.value = values.indexOf(keep) >= 0 ? keep : "";
  }

  function visibleResults() {
    var docs = facets.docs, ents = facets.entities, sources = facets.sources;
    var all = found.results;
    var rows = all.map(function (r) { return docs[+r.ref]; });
    fillSelect(selects.source, Array.from(new Set(rows.map(function (d) { return d[0]; }))).filter(function (s) { return s >= 0; })
      .map(function (s) { return sources[s]; }).sort());
    fillSelect(selects.year, Array.from(new Set(rows.map(function (d) { return d[1]; }))).filter(Boolean).sort().reverse().map(String));
    var entityIds = Array.from(new Set([].concat.apply([], rows.map(function (d) { return d[2]; }))))
      .filter(function (id) { return !selects.type.value || ents[id][1] === selects.type.value; })
      .sort(function (a, b) { return ents[a][0].localeCompare(ents[b][0]); }).map(String);
    fillSelect(selects.entity, entityIds, function (id) { return ents[+id][0]; });
    return all.filter(function (r, i) {
      var d = rows[i];
      return (!selects.source.value || sources[d[0]] === selects.source.value) &&
        (!selects.year.value || String(d[1]) === selects.year.value) &&
        (!selects.entity.value || d[2].indexOf(+selects.entity.value) >= 0) &&
        (!selects.type.value || d[2].some(function (id) { return ents[id][1] === selects.type.value; }));
    });
  }

  function showMore(visible, seq) {
    var next = visible.slice(shownUpTo, shownUpTo + PAGE_STEP);
    shownUpTo += next.length;
    more.hidden = shownUpTo >= visible.length;
    return renderResults(pageList, next, function () { return seq === pageSeq; }, function (doc) {
      if (doc && !pageFirst) pageFirst = doc;
    });
  }

  function renderPage() {
    var seq = ++pageSeq;
    var raw = found.raw;
    var visible = visibleResults();
    filters.hidden = found.results.length === 0;
    pageList.textContent = "";
    shownUpTo = 0;
    found.entities.slice(0, 3).forEach(function (e) { pageList.appendChild(entityItem(e)); });
    var n = visible.length;
    pageFirst = null;
    more.onclick = function () { showMore(visible, seq); };
    return showMore(visible, seq).then(function () {
      if (seq !== pageSeq) return;
      var hidden = n < found.results.length ? " (" + (found.results.length - n) + " hidden by filters)" : "";
      say(pageStatus, found.fuzzy && n ? "No articles for " + quoted(raw) + ". " + howFound(found, pageFirst) + " " + n +
        (n === 1 ? " article" : " articles") + hidden + "." :
        n ? n + (n === 1 ? " article" : " articles") + " for " + quoted(raw) + howFound(found, pageFirst) + hidden :
        found.results.length ? "No articles match these filters. Set a filter back to \u201cAny\u201d." :
        (counted(0, found, raw, null) || "No articles match " + quoted(raw) + ".") +
        " Try fewer words, another spelling, or a name from the Entities page.");
    });
  }

  function searchPage(typing) {
    var raw = pageBox.value;
    var url = new URL(window.location.href);
    if (raw.trim()) url.searchParams.set("q", raw.trim()); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (!raw.trim()) {
      ++pageSeq;
      pageList.textContent = "";
      filters.hidden = true;
      more.hidden = true;
      say(pageStatus, "Type a name, a place or any word from the articles.");
      return;
    }
    var seq = ++pageSeq;
    Promise.all([run(raw, typing === true, "page"), index.facets()]).then(function (parts) {
      if (seq !== pageSeq) return;
      facets = parts[1];
      found = parts[0];
      found.raw = raw;
      return renderPage();
    }).catch(function (err) {
      if (seq !== pageSeq) return;
      found = null;
      pageList.textContent = ""; // no earlier query's results under this message
      more.hidden = true;
      say(pageStatus, "Search is unavailable right now. Try reloading the page.");
      if (window.console) console.error(err);
    });
  }

  say(pageStatus, "Loading search…");
  load().then(function () {
    searchPage();
    var again = null;
    pageBox.addEventListener("input", function () {
      window.clearTimeout(again);
      again = window.setTimeout(function () { searchPage(true); }, 120);
    });
    Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", function () { if (found) renderPage(); }); });
    pageRoot.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); searchPage(false); });
  }).catch(function (err) {
    say(pageStatus, "Search is unavailable right now. Try reloading the page.");
    if (window.console) console.error(err);
  });
  arrowKeys(pageRoot, pageBox);
})();
