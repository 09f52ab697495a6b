// Theme toggle and copy-a-sentence-link. The site works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("status");

  function announce(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function isDark() {
    var chosen = root.dataset.theme;
    if (chosen) return chosen === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var sync = function () { toggle.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.dataset.theme = next;
      try { localStorage.setItem("theme", next); } catch (e) { /* not remembered */ }
      sync();
    });
  }

  var highlights = document.querySelector(".highlight-toggle");
  if (highlights) {
    var showOn = function () {
      highlights.setAttribute("aria-pressed", root.dataset.highlights === "off" ? "false" : "true");
    };
    highlights.hidden = false;
    showOn();
    highlights.addEventListener("click", function () {
      var off = root.dataset.highlights !== "off";
      if (off) root.dataset.highlights = "off"; else delete root.dataset.highlights;
      try { localStorage.setItem("highlights", off ? "off" : "on"); } catch (e) { /* not remembered */ }
      showOn();
      announce(off ? "Highlights off" : "Highlights on");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.sentence-link");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(
      function () { announce("Link to the sentence copied"); },
      function () { /* the address bar still shows the link */ }
    );
  });
})();
