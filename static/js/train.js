// The session page's helpers: a rest timer after each set, a tempo pacer, and a clear
// "not saved" state when the network drops. Progressive enhancement only.
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
})();
