// Reader controls: theme, highlights, entity cards, the sidebar's stickiness, search behind a button on phones,
// copy-a-sentence-link. The site works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("status");

  function announce(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function remember(name, value) {
    try {
      if (value === null) localStorage.removeItem(name); else localStorage.setItem(name, value);
    } catch (e) { /* not remembered */ }
  }

  // A group of radio buttons that shows and sets one choice.
  function choice(selector, current, apply) {
    var group = document.querySelector(selector);
    if (!group) return;
    group.hidden = false;
    group.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.checked = input.value === current;
      input.addEventListener("change", function () { if (input.checked) apply(input.value); });
    });
  }

  // The header's tools that need this script are added by it (no page carries markup a reader without
  // scripts could not use): the theme choice, and the button that opens search on a phone.
  var tools = document.querySelector(".header-tools");
  if (tools) {
    tools.insertAdjacentHTML("afterbegin", '<button type="button" class="search-open tool-button" aria-expanded="false"' +
      ' aria-controls="site-search" hidden><span class="search-icon" aria-hidden="true"></span>' +
      '<span class="tool-text">Search</span></button>');
    tools.insertAdjacentHTML("beforeend", '<fieldset class="theme-choice" hidden>' +
      '<legend class="visually-hidden">Theme</legend>' +
      '<label title="Follow the system setting"><input type="radio" name="theme" value="system"><span aria-hidden="true">\u25D0</span><span class="tool-text">Auto</span></label>' +
      '<label title="Light theme"><input type="radio" name="theme" value="light"><span aria-hidden="true">\u2600</span><span class="tool-text">Light</span></label>' +
      '<label title="Dark theme"><input type="radio" name="theme" value="dark"><span aria-hidden="true">\u263E</span><span class="tool-text">Dark</span></label>' +
      "</fieldset>");
  }

  var readingTools = document.querySelector(".reading-tools");
  if (readingTools) {
    readingTools.insertAdjacentHTML("beforeend", '<fieldset class="highlight-choice" hidden><legend>Highlights</legend>' +
      '<label><input type="radio" name="highlights" value="off">Off</label>' +
      '<label><input type="radio" name="highlights" value="quiet">Quiet</label>' +
      '<label><input type="radio" name="highlights" value="labelled">Labelled</label></fieldset>');
  }

  // Theme: follow the system, or light, or dark (theme.js applied the saved one before the first paint).
  choice(".theme-choice", root.dataset.theme || "system", function (value) {
    if (value === "system") delete root.dataset.theme; else root.dataset.theme = value;
    remember("theme", value === "system" ? null : value);
  });

  // Highlights: off, quiet (the default) or labelled.
  choice(".highlight-choice", root.dataset.highlights || "quiet", function (value) {
    if (value === "quiet") delete root.dataset.highlights; else root.dataset.highlights = value;
    remember("highlights", value === "quiet" ? null : value);
    announce("Highlights " + value);
  });

  // Search behind a button on phones (CSS decides when; the form stays as it is for search.js).
  var header = document.querySelector(".site-header");
  var searchButton = document.querySelector(".search-open");
  var searchForm = document.querySelector("form.site-search");
  if (header && searchButton && searchForm) {
    header.classList.add("js-search");
    searchButton.hidden = false;
    var setSearch = function (open) {
      header.classList.toggle("search-expanded", open);
      searchButton.setAttribute("aria-expanded", open ? "true" : "false");
    };
    searchButton.addEventListener("click", function () {
      var open = !header.classList.contains("search-expanded");
      setSearch(open);
      if (open) searchForm.querySelector("input[type=search]").focus();
    });
    // The keyboard shortcuts focus the box: open it first when it is behind the button.
    searchForm.addEventListener("focusin", function () {
      if (window.getComputedStyle(searchButton).display !== "none") setSearch(true);
    });
  }

  // The sidebar sticks only while all of it fits in the window; otherwise it scrolls with the page.
  var sidebar = document.querySelector(".sidebar");
  if (sidebar) {
    var fit = function () { sidebar.classList.toggle("fits", sidebar.offsetHeight <= window.innerHeight - 32); };
    fit();
    window.addEventListener("resize", fit);
    sidebar.addEventListener("toggle", fit, true);
    window.addEventListener("beforeprint", function () {
      sidebar.querySelectorAll("details").forEach(function (d) { d.open = true; });
    });
  }

  // Entity cards: hover, focus or tap a highlighted name for what the sidebar knows about it.
  var TYPES = { person: "Person", organization: "Organisation", place: "Place", agreement: "Agreement", money: "Money", quantity: "Quantity" };
  var card = null;
  var owner = null;
  var closing = 0;
  var lastPointer = "mouse";
  var returning = false;
  var openAtPress = false;

  function text(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  function link(href, value) {
    var a = text("a", "", value);
    a.href = href;
    return a;
  }

  // A marked name's sidebar entry is the one linking to the same page (nothing per mention names it).
  var entries = {};
  document.querySelectorAll(".entity-list > li > a:first-child").forEach(function (a) {
    entries[a.getAttribute("href")] = a.closest("li");
  });

  function sentenceOf(node) {
    var sentence = node.closest(".sentence");
    return sentence ? "#" + sentence.id : null;
  }

  function fill(trigger) {
    var href = trigger.getAttribute("href");
    var about = entries[href];
    card.textContent = "";
    var name = about ? about.firstElementChild.textContent : trigger.textContent;
    card.appendChild(text("span", "card-name", name));
    var kind = (trigger.className.match(/\bent-(person|organization|place|agreement|money|quantity)\b/) || [])[1];
    var type = TYPES[kind] || "Name";
    if (trigger.classList.contains("ent-nationality")) type = "Nationality (" + type.toLowerCase() + ")";
    card.appendChild(text("span", "card-type", type));
    if (!about) return;
    var roles = about.querySelector(".roles");
    if (roles) card.appendChild(text("p", "card-roles", roles.textContent));
    var count = Number(about.dataset.n || 1);
    var articles = Number(about.dataset.a || 1);
    card.appendChild(text("p", "card-count", count + " mention" + (count === 1 ? "" : "s") + " here · in " +
      articles + " article" + (articles === 1 ? "" : "s")));
    // The per-mention links live here, not in the sidebar: the next marked mention (the first in a later paragraph).
    var marked = Array.prototype.filter.call(triggers, function (t) { return t.getAttribute("href") === href; });
    var links = text("span", "card-links", "");
    var at = marked.indexOf(trigger);
    if (marked.length > 1) {
      var next = marked[(at + 1) % marked.length];
      links.appendChild(link(sentenceOf(next) || "#", at + 1 < marked.length ? "Next paragraph naming it" : "First paragraph naming it"));
    }
    if (href) links.appendChild(link(href, "Its page"));
    card.appendChild(links);
  }

  function place(trigger) {
    card.style.left = "0px";  // measured where it cannot widen the page (a phone would zoom out)
    card.style.top = "0px";
    var r = trigger.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    var box = card.offsetParent ? card.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    var width = card.offsetWidth;
    var left = Math.max(8, Math.min(r.left, viewport - width - 8));
    var top = r.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight && r.top - card.offsetHeight - 6 > 0) top = r.top - card.offsetHeight - 6;
    card.style.left = (left - box.left) + "px";
    card.style.top = (top - box.top) + "px";
  }

  function open(trigger) {
    window.clearTimeout(closing);
    if (owner === trigger) return;
    close();
    owner = trigger;
    fill(trigger);
    trigger.after(card);
    card.hidden = false;
    place(trigger);
    trigger.setAttribute("aria-expanded", "true");
    trigger.setAttribute("aria-describedby", card.id);
  }

  function close() {
    window.clearTimeout(closing);
    if (!owner) return;
    owner.setAttribute("aria-expanded", "false");
    owner.removeAttribute("aria-describedby");
    card.hidden = true;
    owner = null;
  }

  function closeSoon() {
    window.clearTimeout(closing);
    closing = window.setTimeout(close, 250);
  }

  var triggers = document.querySelectorAll(".article-body a.ent");
  if (triggers.length) {
    card = document.createElement("span");
    card.className = "entity-card";
    card.id = "entity-card";
    card.hidden = true;
    card.addEventListener("mouseenter", function () { window.clearTimeout(closing); });
    card.addEventListener("mouseleave", closeSoon);
    card.addEventListener("focusout", function (event) {
      if (!card.contains(event.relatedTarget) && event.relatedTarget !== owner) closeSoon();
    });
    triggers.forEach(function (trigger) {
      trigger.setAttribute("aria-expanded", "false");
      trigger.addEventListener("mouseenter", function () { if (lastPointer === "mouse") open(trigger); });
      trigger.addEventListener("mouseleave", closeSoon);
      trigger.addEventListener("focus", function () { if (!returning) open(trigger); });
      trigger.addEventListener("blur", function (event) {
        if (!card.contains(event.relatedTarget)) closeSoon();
      });
      // A first tap opens the card; a second tap on the same name follows the link.
      trigger.addEventListener("click", function (event) {
        if (lastPointer === "touch" && !openAtPress) {
          event.preventDefault();
          open(trigger);
        }
      });
    });
    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      openAtPress = owner !== null && event.target.closest && event.target.closest("a.ent") === owner;
      if (owner && lastPointer !== "mouse" && !card.contains(event.target) && event.target !== owner) close();
    }, true);
    document.addEventListener("touchstart", function () { lastPointer = "touch"; }, { capture: true, passive: true });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !owner) return;
      var back = card.contains(document.activeElement) ? owner : null;
      close();
      if (back) { returning = true; back.focus(); returning = false; }
    });
  }

  // The entities index: a filter box narrows every type's list to the names holding what is typed (accents and
  // case aside); lists folded away ("named in one article only") open while they hold a match.
  var filter = document.getElementById("entity-filter");
  if (filter) {
    var fold = function (text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    };
    var items = Array.prototype.map.call(document.querySelectorAll(".entity-index li"), function (li) {
      var name = li.querySelector("a, .entity-name") || li.firstChild;
      return { li: li, name: fold(name.textContent || "") };
    });
    var sections = document.querySelectorAll("section.entity-type");
    var folds = document.querySelectorAll("details.entity-once");
    var wasOpen = Array.prototype.map.call(folds, function (d) { return d.open; });
    var counter = document.getElementById("entity-filter-count");
    var none = document.querySelector(".entity-filter-none");
    filter.form.hidden = false;
    filter.form.addEventListener("submit", function (event) { event.preventDefault(); });
    var apply = function () {
      var query = fold(filter.value);
      var shown = 0;
      items.forEach(function (item) {
        item.li.hidden = query !== "" && item.name.indexOf(query) < 0;
        if (!item.li.hidden) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = query !== "" && !section.querySelector(".entity-index li:not([hidden])");
      });
      folds.forEach(function (details, i) {
        details.open = query === "" ? wasOpen[i] : details.querySelector("li:not([hidden])") !== null;
      });
      if (none) none.hidden = query === "" || shown > 0;
      if (counter) counter.textContent = query === "" ? "" : shown + (shown === 1 ? " entity" : " entities");
    };
    filter.addEventListener("input", apply);
    if (filter.value) apply();  // a value the browser restored
  }

  // Each sentence gets its copy-a-link "#" here (the page does not carry one per sentence).
  document.querySelectorAll(".article-body .sentence[id]").forEach(function (sentence) {
    var a = document.createElement("a");
    a.className = "sentence-link";
    a.href = "#" + sentence.id;
    a.setAttribute("aria-label", "Link to sentence " + sentence.id.slice(1));
    sentence.appendChild(a);
  });
  // A link to a mention made by earlier builds (#s5-m4) lands on its sentence.
  var legacy = /^#(s\d+)-m\d+$/.exec(window.location.hash);
  if (legacy && !document.getElementById(window.location.hash.slice(1)) && document.getElementById(legacy[1])) {
    window.location.replace("#" + legacy[1]);
  }

  document.addEventListener("click", function (event) {
    var anchor = event.target.closest && event.target.closest("a.sentence-link");
    if (!anchor || !navigator.clipboard) return;
    var url = new URL(anchor.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(
      function () { announce("Link to the sentence copied"); },
      function () { /* the address bar still shows the link */ }
    );
  });
})();
