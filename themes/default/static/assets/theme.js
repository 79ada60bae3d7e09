// govsite light/dark toggle. The page follows prefers-color-scheme until the reader
// presses the header button; the choice is kept in localStorage ("govsite-theme") and
// applied before the first paint by the small script in <head>. Without JavaScript the
// button stays hidden and the media query alone decides.
(() => {
  "use strict";
  const button = document.querySelector(".theme-toggle");
  if (!button) return;
  const root = document.documentElement;
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const current = () => root.getAttribute("data-theme") || (system.matches ? "dark" : "light");

  function apply(theme) {
    root.setAttribute("data-theme", theme);
    // The syntax-highlighting stylesheets follow the choice, not the system.
    for (const link of document.querySelectorAll("link[data-scheme]")) {
      link.media = link.getAttribute("data-scheme") === theme ? "all" : "not all";
    }
    show();
  }

  function show() {
    const dark = current() === "dark";
    button.setAttribute("aria-pressed", String(dark));
    button.title = (dark ? button.dataset.on : button.dataset.off) || button.title;
  }

  button.addEventListener("click", () => {
    const next = current() === "dark" ? "light" : "dark";
    try { localStorage.setItem("govsite-theme", next); } catch (e) { /* private mode: this page only */ }
    apply(next);
  });
  // While the reader has not chosen, follow the system as it changes.
  system.addEventListener("change", () => { if (!root.hasAttribute("data-theme")) show(); });
  show();
  button.hidden = false;
})();
