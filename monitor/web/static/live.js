// The story page follows its story: every few seconds it asks for the story's JSON and, when the
// story changed, swaps in the page anew (no reload, the scroll position kept).
(function () {
  "use strict";
  var me = document.currentScript;
  var every = Math.max(parseFloat(me && me.dataset.every) || 15, 2) * 1000;
  function story() { return document.querySelector("article.story"); }
  function stamp(d) { return [d.updated, (d.articles || []).length].join("|"); }
  var el = story();
  if (!el) { return; }
  var last = null;
  function tick() {
    fetch(location.pathname, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { return null; }
        var now = stamp(d);
        var changed = last !== null && now !== last;
        last = now;
        if (!changed) { return null; }
        return fetch(location.pathname, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) {
            if (!html) { return; }
            var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
            var main = document.querySelector("main");
            if (fresh && main) { main.replaceChildren.apply(main, Array.from(fresh.childNodes)); }
          });
      })
      .catch(function () { /* the server is away: try again at the next tick */ })
      .then(function () { setTimeout(tick, every); });
  }
  tick();
})();
