// Progressive enhancement only: every page works without this file (CSP forbids inline script). The words come from
// the page (#client-text, from the resources), in its language; the page scripts, loaded after this one, read them
// from window.clientText too.
var clientText = (function () { var block = document.getElementById("client-text"); try { return block ? JSON.parse(block.textContent) : {}; } catch (e) { return {}; } })();
document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
        var target = document.querySelector(button.getAttribute("data-copy-target"));
        if (!target) return;
        var text = Array.from(target.querySelectorAll("code")).map(function (c) { return c.textContent; }).join("\n");
        navigator.clipboard.writeText(text).then(function () {
            button.textContent = clientText.copied;
        }, function () {
            button.textContent = clientText.copyFailed;
        });
    });
});

// Times and countdowns (issue 18, item 8). The server writes relative words ("in 45 seconds") and how far the moment
// was from its own clock when it rendered (data-seconds), so a wrong clock on this device can't skew them; here they
// stay current, the title shows the moment in the reader's local time, and a button that the server would refuse
// until then (data-available-in) is disabled with a countdown. Without this file the words are right at load time
// and the server still enforces every limit.
(function () {
    "use strict";
    var loaded = Date.now();
    // The same rounding as the server's RelativeTime; the words from the browser's Intl in the page's language (the
    // server's resources say the same: "in 45 seconds", "dentro de 45 segundos"). Without Intl the server's words stay.
    var lang = document.documentElement.lang || "en";
    var intl = window.Intl && Intl.RelativeTimeFormat;
    function describe(seconds) {
        if (!intl) { return null; }
        var future = seconds > 0, size = Math.abs(seconds);
        if (size < 1) { return new Intl.RelativeTimeFormat(lang, { numeric: "auto" }).format(0, "second"); }
        var round = future ? Math.ceil : Math.floor, count, unit;
        if (size < 60) { count = round(size); unit = "second"; }
        else if (size < 3600) { count = round(size / 60); unit = "minute"; }
        else if (size < 172800) { count = round(size / 3600); unit = "hour"; }
        else { count = round(size / 86400); unit = "day"; }
        return new Intl.RelativeTimeFormat(lang, { numeric: "always" }).format(future ? count : -count, unit);
    }
    var times = Array.prototype.slice.call(document.querySelectorAll("time[data-relative][data-seconds]"));
    var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-available-in]"));
    times.forEach(function (time) {
        var at = loaded + 1000 * parseFloat(time.getAttribute("data-seconds"));
        if (!isNaN(at)) { time.title = new Date(at).toLocaleString(); }
    });
    buttons.forEach(function (button) { button.setAttribute("data-label", button.textContent.trim()); });
    function refresh() {
        var elapsed = (Date.now() - loaded) / 1000;
        times.forEach(function (time) {
            var seconds = parseFloat(time.getAttribute("data-seconds")) - elapsed;
            var said = isNaN(seconds) ? null : describe(seconds);
            if (said) { time.textContent = said; }
        });
        buttons.forEach(function (button) {
            var wait = Math.ceil(parseFloat(button.getAttribute("data-available-in")) - elapsed);
            if (wait > 0) {
                button.disabled = true;
                button.textContent = button.getAttribute("data-label") + " (" + wait + " s)";
            } else if (button.disabled) {
                button.disabled = false;
                button.textContent = button.getAttribute("data-label");
            }
        });
    }
    if (times.length || buttons.length) {
        refresh();
        setInterval(refresh, 1000);
    }
})();
