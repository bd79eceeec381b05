// Records the rhythm of typing a fixed phrase: keydown/keyup times (performance.now, ms from the first key)
// for each character, sent as JSON in the hidden "Pattern" field. Paste is refused; Backspace or a typo
// starts over. No inline script: the CSP forbids it.
(function () {
    "use strict";
    function round(ms) { return Math.round(ms * 10) / 10; }
    var text = window.clientText || {}; // site.js reads the page's words

    document.querySelectorAll("[data-keystroke]").forEach(function (input) {
        var form = input.form;
        var phrase = input.getAttribute("data-phrase");
        var target = form.querySelector("input[name=Pattern]");
        var visualiser = document.getElementById(input.getAttribute("data-visualiser"));
        var status = document.getElementById(input.getAttribute("data-status"));
        var events = [], pending = {}, start = null;

        function say(message) { if (status) { status.textContent = message || ""; } }
        function reset(message) {
            events = []; pending = {}; start = null; input.value = "";
            if (visualiser) { visualiser.replaceChildren(); }
            say(message);
        }
        function draw(event) {
            if (!visualiser) { return; }
            var bar = document.createElement("span");
            bar.className = "ks-bar";
            bar.title = event.key + ": held " + Math.round(event.up - event.down) + " ms";
            bar.style.height = Math.max(4, Math.min(48, (event.up - event.down) / 4)) + "px";
            visualiser.appendChild(bar);
        }

        input.addEventListener("paste", function (e) { e.preventDefault(); reset(text.typingNoPaste); });
        input.addEventListener("drop", function (e) { e.preventDefault(); });
        input.addEventListener("keydown", function (e) {
            if (e.key === "Backspace" || e.key === "Delete") { e.preventDefault(); reset(text.typingStartAgain); return; }
            if (e.key.length !== 1 || e.repeat || e.ctrlKey || e.metaKey || e.altKey) { return; }
            var now = performance.now();
            if (start === null) { start = now; }
            var event = { key: e.key, down: round(now - start), up: null };
            events.push(event);
            pending[e.code || e.key] = event;
        });
        input.addEventListener("keyup", function (e) {
            var event = pending[e.code || e.key];
            if (!event) { return; }
            delete pending[e.code || e.key];
            event.up = round(performance.now() - start);
            if (event.up <= event.down) { event.up = event.down + 0.1; }
            draw(event);
        });
        input.addEventListener("input", function () {
            if (phrase.indexOf(input.value) !== 0) { reset(text.typingMismatch); }
            else if (input.value === phrase) { say(text.typingDone); }
        });
        form.addEventListener("submit", function (e) {
            var complete = input.value === phrase && events.length === phrase.length && events.every(function (ev) { return ev.up !== null; });
            if (!complete) { e.preventDefault(); say(text.typingIncomplete); return; }
            target.value = JSON.stringify({ phrase: phrase, events: events });
        });
        reset("");
    });
})();
