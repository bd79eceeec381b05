// Progressive enhancement only: every page works without this file (CSP forbids inline script).
document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
        var target = document.querySelector(button.getAttribute("data-copy-target"));
        if (!target) return;
        var text = Array.from(target.querySelectorAll("code")).map(function (c) { return c.textContent; }).join("\n");
        navigator.clipboard.writeText(text).then(function () {
            button.textContent = "Copied";
        }, function () {
            button.textContent = "Copy failed – select the codes instead";
        });
    });
});
