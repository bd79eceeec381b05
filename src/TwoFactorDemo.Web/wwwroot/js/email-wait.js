// Progressive enhancement for /TwoFactor/Email: while a link is out, ask every 3 seconds how its mail is doing
// (sending, sent, could not be sent) and whether it was approved from another browser, and continue on our own when
// it was. Without script, reloading shows the same and the "I approved it" button continues. (No auto-refresh of the
// whole page: that disturbs screen readers.)
(function () {
    "use strict";
    var pending = document.getElementById("link-pending");
    var form = document.getElementById("approved-form");
    var status = document.getElementById("link-watch");
    if (!pending || !form || !window.fetch) { return; }
    var url = pending.getAttribute("data-status-url");
    var text = window.clientText || {}; // site.js reads the page's words
    var words = { sending: text.mailSending, sent: text.mailSent, failed: text.mailFailed };
    function show(delivery) {
        if (status && words[delivery]) { status.textContent = words[delivery]; }
    }
    show(pending.getAttribute("data-delivery"));
    var timer = setInterval(function () {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { approved: false }; })
            .then(function (state) {
                if (state.approved) {
                    clearInterval(timer);
                    if (status) { status.textContent = text.linkApproved || ""; }
                    form.submit();
                    return;
                }
                show(state.delivery);
                if (state.delivery === "failed") { clearInterval(timer); }
            })
            .catch(function () { /* keep waiting; the button still works */ });
    }, 3000);
})();
