// Small browser helpers for the portal; everything else is Blazor.
window.portal = {
    setCookie(name, value) {
        document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    },
    // The agent console's new-offer signal: a short sound, and the tab title flashing until the window has focus.
    chatOffer(text) {
        new Audio("/sounds/chat-offer.wav").play().catch(() => { });
        if (document.hasFocus() || portal.titleFlash) {
            return;
        }
        const original = document.title;
        let shown = false;
        portal.titleFlash = setInterval(() => { document.title = (shown = !shown) ? text : original; }, 1000);
        window.addEventListener("focus", () => {
            clearInterval(portal.titleFlash);
            portal.titleFlash = null;
            document.title = original;
        }, { once: true });
    },
};

// The reconnect dialog: Blazor raises the state events, we show the dialog and wire its buttons.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) {
        return;
    }
    const retryWhenVisible = async () => {
        if (document.visibilityState === "visible") {
            await retry();
        }
    };
    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        try {
            if (!await Blazor.reconnect() && !await Blazor.resumeCircuit()) {
                location.reload();
            } else {
                modal.close();
            }
        } catch {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }
    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) {
                location.reload();
            }
        } catch {
            modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
        }
    }
    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "show") {
            modal.showModal();
        } else if (state === "hide") {
            modal.close();
        } else if (state === "failed") {
            document.addEventListener("visibilitychange", retryWhenVisible);
        } else if (state === "rejected") {
            location.reload();
        }
    });
    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
    document.getElementById("components-resume-button")?.addEventListener("click", resume);
})();

// An app bar menu (a popover) closes when one of its items is chosen: a link is followed inside the page, so the
// browser would leave the popover open; a button in it may reload the page or submit a form.
document.addEventListener("click", event => {
    const item = event.target instanceof Element ? event.target.closest(".shell-menu .mud-menu-item") : null;
    item?.closest("[popover]")?.hidePopover();
});
