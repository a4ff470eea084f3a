// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function showToasts(root) {
    if (!window.bootstrap) return;
    root.querySelectorAll(".toast:not([data-dp-ready])").forEach(function (el) {
      el.setAttribute("data-dp-ready", "");
      var toast = bootstrap.Toast.getOrCreateInstance(el, {
        animation: false,
        autohide: el.dataset.autohide !== "false",
        delay: 6000,
      });
      toast.show();
      el.addEventListener("hidden.bs.toast", function () {
        el.remove();
      });
    });
  }

  // htmx.onLoad runs for the first page and for every fragment htmx swaps in,
  // including out-of-band toasts.
  function ready() {
    if (window.htmx) {
      htmx.onLoad(showToasts);
    } else {
      showToasts(document);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
