// Loaded synchronously in <head>: applies the reader's saved theme before the first paint.
(function () {
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "dark" || saved === "light") document.documentElement.dataset.theme = saved;
    var highlights = localStorage.getItem("highlights");
    if (highlights === "off" || highlights === "labelled") document.documentElement.dataset.highlights = highlights;
  } catch (e) { /* storage unavailable: follow the system setting */ }
})();
