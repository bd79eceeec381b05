// Progressive enhancement for /TwoFactor/Email: while a link is out, ask every 3 seconds whether it was
// approved from another browser, and continue on our own when it was. Without script, the "I approved it"
// button does the same. (No auto-refresh of the whole page: that disturbs screen readers.)
(function () {
    "use strict";
    var pending = document.getElementById("link-pending");
    var form = document.getElementById("approved-form");
    var status = document.getElementById("link-watch");
    if (!pending || !form || !window.fetch) { return; }
    var url = pending.getAttribute("data-status-url");
    if (status) { status.textContent = "Waiting for you to open the link…"; }
    var timer = setInterval(function () {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { approved: false }; })
            .then(function (state) {
                if (state.approved) {
                    clearInterval(timer);
                    if (status) { status.textContent = "Approved. Continuing…"; }
                    form.submit();
                }
            })
            .catch(function () { /* keep waiting; the button still works */ });
    }, 3000);
})();
