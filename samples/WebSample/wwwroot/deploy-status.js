// Follows a new Linode's status (provisioning → booting → running) without a manual reload, then gives back this app's
// access to the account (a POST with the page's anti-forgery token; the status requests themselves only read).
// A problem answer (a brief 429, a Linode failure) is shown and the page keeps following, waiting as Linode asks or
// longer each time (up to 30 s); only a token Linode no longer accepts stops it.
(function () {
    const status = document.getElementById("linode-status");
    const problem = document.getElementById("status-problem");
    const releaseForm = document.getElementById("release-form");
    const held = document.getElementById("access-held");
    const givenBack = document.getElementById("access-given-back");
    if (!status || !status.dataset.statusUrl) return;
    const usual = 2000, longest = 30000;
    let wait = usual;

    function say(text) {
        problem.textContent = text || "";
        problem.hidden = !text;
    }

    function showGivenBack() {
        if (held) held.hidden = true;
        if (releaseForm) releaseForm.hidden = true;
        givenBack.hidden = false;
    }

    async function giveBack() {
        try {
            const response = await fetch(releaseForm.action, { method: "POST", body: new FormData(releaseForm), headers: { "Accept": "application/json" }, credentials: "same-origin" });
            if (response.ok) {
                showGivenBack();
                return;
            }
        } catch (e) {
            // Reported below.
        }
        say("This app could not give its access back by itself: use the button below, or sign out.");
    }

    async function poll() {
        try {
            const response = await fetch(status.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
            const body = await response.json();
            if (body.givenBack || body.signedOut) {
                showGivenBack();
                return;
            }
            if (body.problem) {
                say(body.problem + (body.signInAgain ? "" : " This page keeps following the new Linode."));
                if (body.signInAgain) return;
                wait = body.retryAfter ? Math.max(body.retryAfter * 1000, usual) : Math.min(wait * 2, longest);
            } else {
                say("");
                wait = usual;
                status.textContent = body.status;
                if (body.status === "running") {
                    await giveBack();
                    return;
                }
                if (body.status === "deleted") return;
            }
        } catch (e) {
            wait = Math.min(wait * 2, longest);
        }
        setTimeout(poll, wait);
    }

    setTimeout(poll, 1000);
})();
