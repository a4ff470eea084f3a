// The session page's helpers: a rest timer after each set, a tempo pacer, a clear "not
// saved" state when the network drops, what was typed kept until it is logged, and focus
// and a spoken word after each set. Progressive enhancement only.
(function () {
  "use strict";

  // Rest timer --------------------------------------------------------------------
  var timer = document.getElementById("rest-timer");
  var remainingEl = timer && timer.querySelector(".rest-remaining");
  var countdown = null;

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function stopRest() {
    if (countdown) clearInterval(countdown);
    countdown = null;
    if (timer) timer.hidden = true;
  }

  function startRest(seconds) {
    if (!timer || !seconds) return;
    stopRest();
    var left = seconds;
    timer.hidden = false;
    remainingEl.textContent = format(left);
    countdown = setInterval(function () {
      left -= 1;
      if (left <= 0) {
        remainingEl.textContent = "0:00";
        if (navigator.vibrate) navigator.vibrate(200);
        setTimeout(stopRest, 1500);
        clearInterval(countdown);
        return;
      }
      remainingEl.textContent = format(left);
    }, 1000);
  }

  if (timer) {
    timer.querySelector(".rest-skip").addEventListener("click", stopRest);
    document.body.addEventListener("set-logged", function (event) {
      startRest(parseInt((event.detail && event.detail.rest) || 0, 10));
    });
  }

  // Tempo pacer ---------------------------------------------------------------------
  document.querySelectorAll(".tempo-pacer").forEach(function (pacer) {
    var parts = (pacer.dataset.tempo || "").split("-");
    if (parts.length !== 4) return;
    pacer.hidden = false;
    var pause = pacer.dataset.pause || "Pause";
    var names = [pacer.dataset.lower || "Lower", pause, pacer.dataset.lift || "Lift", pause];
    var classes = ["is-lowering", "", "is-lifting", ""];
    var display = pacer.querySelector(".pacer-display");
    var button = pacer.querySelector(".pacer-toggle");
    var running = null;

    function phases() {
      return parts
        .map(function (part, index) {
          var seconds = part === "X" ? 1 : parseInt(part, 10);
          return { name: names[index], seconds: seconds, cls: classes[index] };
        })
        .filter(function (phase) {
          return phase.seconds > 0;
        });
    }

    button.addEventListener("click", function () {
      if (running) {
        clearInterval(running);
        running = null;
        display.textContent = "";
        button.setAttribute("aria-pressed", "false");
        return;
      }
      var list = phases();
      var index = 0;
      var left = list[0].seconds;
      button.setAttribute("aria-pressed", "true");
      function show() {
        display.className = "pacer-display ms-2 " + list[index].cls;
        display.textContent = list[index].name + " " + left;
      }
      show();
      running = setInterval(function () {
        left -= 1;
        if (left <= 0) {
          index = (index + 1) % list.length;
          left = list[index].seconds;
        }
        show();
      }, 1000);
    });
  });

  // A set that could not be sent keeps its numbers and says so. -------------------
  function markFailed(event) {
    var row = event.target.closest && event.target.closest(".set-row");
    if (!row) return;
    row.classList.add("is-failed");
    var warning = row.querySelector(".set-offline");
    if (warning) warning.hidden = false;
  }
  document.body.addEventListener("htmx:sendError", markFailed);
  document.body.addEventListener("htmx:responseError", markFailed);

  // The page shows what is stored. ---------------------------------------------------
  // The server sends it with no-store, so Back, Forward and reload ask for it again; but
  // a page the browser kept whole in its back/forward cache comes back as it was left,
  // perhaps before sets were logged or undone elsewhere: load it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.reload();
  });

  // What was typed but not logged survives a reload. -------------------------------------
  // The forms say autocomplete="off", so the browser never puts back old values of its
  // own on Back (it matches them to fields by position, and could show a stored set with
  // numbers that were never stored). Instead, what is typed in a form with data-draft is
  // kept for this tab in sessionStorage under the form's key, put back into a set only
  // while that set is not logged, and forgotten once it is.
  var DRAFT = "drivephase-draft:";

  function drafts() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // storage refused (private mode, policy): nothing is kept
    }
  }

  function readDraft(key) {
    var store = drafts();
    try {
      return (store && JSON.parse(store.getItem(DRAFT + key) || "null")) || null;
    } catch (error) {
      return null;
    }
  }

  function writeDraft(key, values) {
    var store = drafts();
    try {
      if (store) store.setItem(DRAFT + key, JSON.stringify(values));
    } catch (error) {
      // full or refused: the typing stays on the page only
    }
  }

  function forgetDraft(key) {
    var store = drafts();
    if (store) store.removeItem(DRAFT + key);
  }

  function isLogged(form) {
    var row = form.closest(".set-row");
    return Boolean(row && row.classList.contains("is-done"));
  }

  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = form.dataset.draft;
    if (isLogged(form)) {
      forgetDraft(key); // what is stored wins
      return;
    }
    var values = readDraft(key);
    if (!values) return;
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && field.type !== "hidden" && typeof field.value === "string") {
        field.value = values[name];
        var details = field.closest("details");
        if (details && values[name]) details.open = true;
      }
    });
  });

  function keepTyping(event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.dataset.draft || !field.name || field.type === "hidden") return;
    var values = readDraft(form.dataset.draft) || {};
    values[field.name] = field.value;
    writeDraft(form.dataset.draft, values);
  }
  document.addEventListener("input", keepTyping);
  document.addEventListener("change", keepTyping);

  // A plain form sent (finishing the session) takes its typing with it; a set's form
  // keeps it until the server says it is logged, in case the network drops.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.draft && !form.hasAttribute("hx-post")) {
      forgetDraft(form.dataset.draft);
    }
  });

  // After each set: say so, and move on. ----------------------------------------------
  var status = document.getElementById("set-status");

  function say(event) {
    var said = event.detail && event.detail.said;
    if (status && said) status.textContent = said;
  }

  document.body.addEventListener("set-logged", function (event) {
    // Sent by the set's form just before its row is redrawn.
    var form = event.target.closest && event.target.closest("form[data-draft]");
    if (form) forgetDraft(form.dataset.draft);
    say(event);
  });
  document.body.addEventListener("set-undone", say);

  // The redrawn row replaced the button that had focus. Logged: on to the next set not
  // yet logged (its Done button: the numbers are filled in with the target, and focusing
  // a number would raise a phone's keyboard after every tap), or to the end of the
  // session after the last. Refused: the first field to fix. Undone: the row's Done button.
  function nextTarget(row) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".set-row"));
    var later = rows.slice(rows.indexOf(row) + 1);
    for (var i = 0; i < later.length; i += 1) {
      if (!later[i].classList.contains("is-done")) return later[i].querySelector(".set-done");
    }
    return document.getElementById("finish-heading");
  }

  document.body.addEventListener("htmx:afterSettle", function (event) {
    var row = event.target;
    if (!row.classList || !row.classList.contains("set-row") || !row.isConnected) return;
    // Only if focus went with the old row (or htmx put it back in the new one by id): a
    // person who has moved on elsewhere keeps their place.
    var active = document.activeElement;
    if (active && active !== document.body && !row.contains(active)) return;
    var target = row.classList.contains("is-done")
      ? nextTarget(row)
      : row.querySelector("[aria-invalid='true']") || row.querySelector(".set-done");
    if (target) target.focus();
  });
})();
