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

// The navigation drawer (MainLayout; app.css places it): the menu button opens and closes it; on a narrow screen, where it
// lies over the page, following one of its links, a click on the scrim or Escape closes it. body[data-nav] holds the
// state once chosen; until then the width decides (open from 960 px).
(() => {
    const wide = matchMedia("(min-width: 960px)");
    const isOpen = () => document.body.dataset.nav === "open" || (document.body.dataset.nav !== "closed" && wide.matches);
    const mark = () => document.querySelectorAll("[data-nav-toggle]").forEach(button => button.setAttribute("aria-expanded", String(isOpen())));
    const show = open => {
        document.body.dataset.nav = open ? "open" : "closed";
        mark();
    };
    // The button says whether the drawer is open from the first paint on, and again when Blazor replaces the prerendered
    // page with the circuit's, or the width crosses 960 px.
    mark();
    wide.addEventListener("change", mark);
    new MutationObserver(() => {
        if (document.querySelector("[data-nav-toggle]:not([aria-expanded])")) {
            mark();
        }
    }).observe(document.body, { childList: true, subtree: true });
    document.addEventListener("click", event => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest("[data-nav-toggle]")) {
            show(!isOpen());
        } else if (!wide.matches && target?.closest("[data-nav-close], #portal-nav a")) {
            show(false);
        }
    });
    document.addEventListener("keydown", event => {
        if (event.key === "Escape" && !wide.matches && isOpen()) {
            show(false);
        }
    });
})();
