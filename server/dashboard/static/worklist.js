// Live worklist rows: the alert stream says something changed, the server renders the rows.
// An emergency also shows a notice and sounds a short tone (Web Audio, no sound files).
(function () {
  "use strict";
  var live = document.getElementById("worklist-live");
  var notice = document.getElementById("live-notice");
  if (!live || !window.EventSource) { return; }
  var rowsUrl = live.getAttribute("data-rows-url");
  var audio = null;

  function knownAlerts() {
    var ids = {};
    live.querySelectorAll("tr[data-alert-id]").forEach(function (row) {
      ids[row.getAttribute("data-alert-id")] = true;
    });
    return ids;
  }

  function say(text, emergency) {
    notice.textContent = text;
    notice.hidden = false;
    notice.className = emergency ? "live-notice emergency" : "live-notice";
  }

  function tone() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") { audio.resume(); }
      [0, 0.35, 0.7].forEach(function (start) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.25, audio.currentTime + start);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.3);
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + start);
        osc.stop(audio.currentTime + start + 0.3);
      });
    } catch (error) { /* no audio device: the visible notice still stands */ }
  }

  function refresh(event) {
    var before = knownAlerts();
    return fetch(rowsUrl, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (response.redirected && response.url.indexOf("/login") !== -1) {
          say("Your session has ended: sign in again to keep this worklist live.", true);
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        live.innerHTML = html;
        live.querySelectorAll("tr[data-alert-id]").forEach(function (row) {
          var id = row.getAttribute("data-alert-id");
          if (id && !before[id]) { row.classList.add("new"); }
        });
        if (event && event.tier === "emergency") {
          say("New emergency alert: it is at the top of the worklist.", true);
          tone();
        } else if (event) {
          say("Worklist updated: new " + event.tier + " alert.", false);
        }
      });
  }

  var state = document.getElementById("live-state");
  function showState(name, words) {
    live.setAttribute("data-stream", name);
    if (state) { state.textContent = words; state.className = "live-state " + name; }
  }

  var stream = new EventSource(live.getAttribute("data-events-url"));
  stream.onopen = function () { showState("open", "Live"); };
  ["alert.raised", "alert.tier_raised", "alert.escalated"].forEach(function (type) {
    stream.addEventListener(type, function (message) {
      var event = {};
      try { event = JSON.parse(message.data); } catch (error) { event = {}; }
      refresh(event);
    });
  });
  // A newer tab of the same person took this one's place: reconnecting would only push it out.
  stream.addEventListener("stream.replaced", function () {
    stream.close();
    showState("closed", "Not live: open in a newer tab");
  });
  stream.onerror = function () {
    // EventSource retries by itself; once closed (signed out) the rows refresh says so.
    if (stream.readyState === EventSource.CLOSED) {
      showState("closed", "Not live");
      refresh(null);
    } else {
      showState("connecting", "Reconnecting…");
    }
  };
  // "Not reporting" and the delivery banner change without any alert.
  setInterval(function () { refresh(null); }, 60000);
  // Browsers only let a page play sound after the person has interacted with it.
  document.addEventListener("click", function () {
    if (audio === null) {
      try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { audio = null; }
    }
  }, { once: true });
})();
