// Loaded synchronously in <head>: applies the reader's saved theme before the first paint.
(function () {
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "dark" || saved === "light") document.documentElement.dataset.theme = saved;
    if (localStorage.getItem("highlights") === "off") document.documentElement.dataset.highlights = "off";
  } catch (e) { /* storage unavailable: follow the system setting */ }
})();
