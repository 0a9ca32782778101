// Follows a new Linode's status (provisioning → booting → running) without a manual reload.
(function () {
    const status = document.getElementById("linode-status");
    const problem = document.getElementById("status-problem");
    if (!status) return;
    async function poll() {
        try {
            const response = await fetch(status.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
            const body = await response.json();
            if (body.problem) {
                problem.textContent = body.problem;
                problem.hidden = false;
                return;
            }
            status.textContent = body.status;
            if (body.status === "running" || body.status === "deleted") return;
        } catch (e) {
            // A failed poll is retried; the page keeps the last status it saw.
        }
        setTimeout(poll, 2000);
    }
    setTimeout(poll, 1000);
})();
