// Client-side search: lunr.js answers queries against the index built with the site.
// Nothing is fetched until the reader focuses a search box or opens the search page.
// Every piece of result text is inserted with textContent: article text is untrusted.
(function () {
  "use strict";

  var form = document.querySelector("form.site-search");
  if (!form) return;
  var headerBox = form.querySelector("input[type=search]");
  var panel = form.querySelector(".search-panel");
  var pageRoot = document.querySelector("[data-search-page-root]");
  var MAX_QUERY = 200;
  var loading = null;
  var data = null; // {index, store, aliases}

  // ---- loading ---------------------------------------------------------------------------
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.lunr) return resolve();
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function load() {
    if (loading) return loading;
    loading = Promise.all([loadScript(form.dataset.lunr), getJSON(form.dataset.index), getJSON(form.dataset.store)])
      .then(function (parts) {
        var store = parts[2];
        var aliases = {};
        Object.keys(store.entities).forEach(function (id) {
          var meta = store.entities[id];
          aliases[clean(meta[0]).join(" ")] = id;
          (meta[2] || []).forEach(function (alias) { aliases[clean(alias).join(" ")] = id; });
        });
        data = { index: window.lunr.Index.load(parts[1]), store: store, aliases: aliases };
        return data;
      });
    return loading;
  }

  // ---- queries ---------------------------------------------------------------------------
  // Cleaned the way the index was built: lunr's separators, lunr.trimmer, dotted acronyms and possessives.
  function clean(text) {
    return String(text).slice(0, MAX_QUERY)
      .replace(/\b((?:[A-Za-z]\.){2,})/g, function (m) { return m.replace(/\./g, ""); })
      .toLowerCase()
      .split(/[\s\-]+/)
      .map(function (t) { return t.replace(/['\u2019]s$/, "").replace(/^\W+/, "").replace(/\W+$/, ""); })
      .filter(function (t) { return t.length > 0; });
  }

  function stems(terms) {
    var out = {};
    terms.forEach(function (t) { out[window.lunr.stemmer(new window.lunr.Token(t)).toString()] = true; });
    return out;
  }

  function run(raw) {
    var terms = clean(raw);
    if (!terms.length) return { terms: terms, results: [] };
    var entity = data.aliases[terms.join(" ")];
    var extra = entity ? clean(data.store.entities[entity][0]) : [];
    var words = terms.concat(extra.filter(function (t) { return terms.indexOf(t) < 0; }));
    var results;
    try {
      // Reader operators survive cleaning only as a leading + or - on a typed word, applied to its terms.
      var typed = String(raw).slice(0, MAX_QUERY).split(/\s+/).map(function (w) {
        var op = /^[+-]/.test(w) ? w[0] : "";
        return clean(w).map(function (t) { return op + t.replace(/[:~^*+]/g, " ").trim(); });
      });
      var q = [].concat.apply([], typed).concat(extra).filter(function (t) { return t.replace(/^[+-]/, ""); }).join(" ");
      results = data.index.search(q);
    } catch (err) {
      // lunr.QueryParseError or anything else: fall back to plain terms, no syntax.
      results = data.index.query(function (query) {
        words.forEach(function (t) { query.term(t, { usePipeline: true }); });
      });
    }
    var mentioned = entity ? data.store.docs.map(function (d, i) { return d.e.indexOf(entity) >= 0 ? String(i) : null; }).filter(Boolean) : [];
    var seen = {};
    results.forEach(function (r) { seen[r.ref] = true; });
    mentioned.forEach(function (ref) { if (!seen[ref]) results.push({ ref: ref, score: 0 }); });
    return { terms: words, results: results };
  }

  // ---- rendering (text only, never HTML) ---------------------------------------------------
  function highlighted(text, wanted) {
    var frag = document.createDocumentFragment();
    String(text).split(/(\s+)/).forEach(function (piece) {
      var word = piece.toLowerCase().replace(/['\u2019]s$/, "").replace(/^\W+/, "").replace(/\W+$/, "");
      if (word && wanted[window.lunr.stemmer(new window.lunr.Token(word)).toString()]) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        frag.appendChild(mark);
      } else {
        frag.appendChild(document.createTextNode(piece));
      }
    });
    return frag;
  }

  function resultItem(doc, wanted) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = doc.u;
    a.textContent = doc.t;
    var h = document.createElement("p");
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [doc.s, doc.d || "Date unknown"].filter(Boolean).join(" · ");
    var snippet = document.createElement("p");
    snippet.className = "snippet";
    snippet.appendChild(highlighted(doc.x, wanted));
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(snippet);
    return { li: li, snippet: snippet };
  }

  // A better snippet from the article's own sentences, fetched for the first few results only.
  function upgradeSnippet(doc, target, wanted) {
    if (!doc.j) return;
    getJSON(doc.j).then(function (article) {
      var best = article.sentences.find(function (s) {
        return s.text.split(/\s+/).some(function (w) {
          var word = w.toLowerCase().replace(/['\u2019]s$/, "").replace(/^\W+/, "").replace(/\W+$/, "");
          return word && wanted[window.lunr.stemmer(new window.lunr.Token(word)).toString()];
        });
      });
      if (best) {
        target.textContent = "";
        target.appendChild(highlighted(best.text, wanted));
      }
    }).catch(function () { /* keep the summary */ });
  }

  function say(status, text) {
    status.textContent = text;
  }

  function quoted(raw) {
    var text = String(raw).trim();
    return "\u201c" + (text.length > 60 ? text.slice(0, 60) + "\u2026" : text) + "\u201d";
  }

  // ---- header box: results as you type ---------------------------------------------------
  var panelList = panel.querySelector(".search-results");
  var panelStatus = panel.querySelector(".search-status");
  var timer = null;

  function showPanel(raw) {
    if (!raw.trim()) { panel.hidden = true; return; }
    panel.hidden = false;
    if (!data) { say(panelStatus, "Loading the search index…"); }
    load().then(function () {
      var found = run(raw);
      var wanted = stems(found.terms);
      panelList.textContent = "";
      found.results.slice(0, 8).forEach(function (r, i) {
        var doc = data.store.docs[+r.ref];
        var item = resultItem(doc, wanted);
        panelList.appendChild(item.li);
        if (i < 3) upgradeSnippet(doc, item.snippet, wanted);
      });
      var n = found.results.length;
      say(panelStatus, n ? n + (n === 1 ? " article matches " : " articles match ") + quoted(raw) +
        (n > 8 ? " (first 8 shown; press Enter for all)" : "") :
        "No articles match " + quoted(raw) + ". Try fewer words or another spelling.");
    }).catch(function (err) {
      say(panelStatus, "Search is unavailable right now.");
      if (window.console) console.error(err);
    });
  }

  headerBox.addEventListener("focus", function () { load().catch(function () {}); });
  headerBox.addEventListener("input", function () {
    if (pageRoot) return; // the search page shows its own results
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { showPanel(headerBox.value); }, 120);
  });

  function links(container) { return Array.prototype.slice.call(container.querySelectorAll(".search-results a")); }

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

  function renderPage() {
    var raw = pageBox.value;
    var url = new URL(window.location.href);
    if (raw.trim()) url.searchParams.set("q", raw.trim()); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (!raw.trim()) {
      pageList.textContent = "";
      filters.hidden = true;
      say(pageStatus, "Type a name, a place or any word from the articles.");
      return;
    }
    var found = run(raw);
    var wanted = stems(found.terms);
    var docs = found.results.map(function (r) { return data.store.docs[+r.ref]; });
    var ents = data.store.entities;
    fillSelect(selects.source, Array.from(new Set(docs.map(function (d) { return d.s; }))).filter(Boolean).sort());
    fillSelect(selects.year, Array.from(new Set(docs.map(function (d) { return d.y; }))).filter(Boolean).sort().reverse().map(String));
    var entityIds = Array.from(new Set([].concat.apply([], docs.map(function (d) { return d.e; }))))
      .filter(function (id) { return !selects.type.value || ents[id][1] === selects.type.value; })
      .sort(function (a, b) { return ents[a][0].localeCompare(ents[b][0]); });
    fillSelect(selects.entity, entityIds, function (id) { return ents[id][0]; });
    var visible = docs.filter(function (d) {
      return (!selects.source.value || d.s === selects.source.value) &&
        (!selects.year.value || String(d.y) === selects.year.value) &&
        (!selects.entity.value || d.e.indexOf(selects.entity.value) >= 0) &&
        (!selects.type.value || d.e.some(function (id) { return ents[id][1] === selects.type.value; }));
    });
    filters.hidden = docs.length === 0;
    pageList.textContent = "";
    visible.slice(0, 100).forEach(function (doc, i) {
      var item = resultItem(doc, wanted);
      pageList.appendChild(item.li);
      if (i < 10) upgradeSnippet(doc, item.snippet, wanted);
    });
    var n = visible.length;
    say(pageStatus, n ? n + (n === 1 ? " article" : " articles") + " for " + quoted(raw) +
      (n < docs.length ? " (" + (docs.length - n) + " hidden by filters)" : "") + (n > 100 ? "; the first 100 are shown" : "") :
      docs.length ? "No articles match these filters. Set a filter back to \u201cAny\u201d." :
      "No articles match " + quoted(raw) + ". Try fewer words, another spelling, or a name from the Entities page.");
  }

  say(pageStatus, "Loading the search index…");
  load().then(function () {
    renderPage();
    var again = null;
    pageBox.addEventListener("input", function () { window.clearTimeout(again); again = window.setTimeout(renderPage, 120); });
    Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", renderPage); });
    pageRoot.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); renderPage(); });
  }).catch(function (err) {
    say(pageStatus, "Search is unavailable right now. Try reloading the page.");
    if (window.console) console.error(err);
  });
  arrowKeys(pageRoot, pageBox);
})();
