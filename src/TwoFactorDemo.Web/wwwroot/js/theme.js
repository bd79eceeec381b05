// Colour mode (issue 18, item 11), loaded in <head> so the page never flashes the other mode. The server already set
// data-bs-theme for an explicit choice (the footer's switch, remembered in a cookie); for "auto" this follows the
// device's prefers-color-scheme, also when it changes. Without script, "auto" shows the light mode.
(function () {
    "use strict";
    var root = document.documentElement;
    if (root.getAttribute("data-theme-choice") !== "auto" || !window.matchMedia) { return; }
    var dark = window.matchMedia("(prefers-color-scheme: dark)");
    function apply() { root.setAttribute("data-bs-theme", dark.matches ? "dark" : "light"); }
    apply();
    if (dark.addEventListener) { dark.addEventListener("change", apply); }
})();
