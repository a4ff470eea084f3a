// Progressive enhancement for time-zone boxes. One marked data-browser-default gets this
// device's zone (sign-up: without JavaScript it keeps the server's default, UTC). One
// marked data-browser-suggest (a saved profile) keeps its value and, when the device is
// elsewhere, offers a button to take the device's zone; the attribute holds its
// translated label, with %s for the zone.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function ready() {
    var zone = browserZone();
    if (!zone) return;
    document.querySelectorAll("input[data-browser-default]").forEach(function (input) {
      if (!input.value || input.value === input.defaultValue) {
        input.value = zone;
      }
    });
    document.querySelectorAll("input[data-browser-suggest]").forEach(function (input) {
      if (input.value === zone) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-link btn-sm px-0";
      button.textContent = input.dataset.browserSuggest.replace("%s", zone);
      button.addEventListener("click", function () {
        input.value = zone;
        button.remove();
        input.focus();
      });
      input.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
