// Boot script, loaded before the app's bundle (plain JS in public/, never bundled): on the board, the
// first screen's requests leave while the bundle is still being fetched, parsed and run, instead of
// after React's first render, which was most of the wait for the first card (docs/performance.md,
// "First paint"). The inputs are exactly the board's; src/renderer/api/prefetched.ts hands each answer
// to the transport (or to the board's first render) once, under the same key (name, space, the input's JSON with
// sorted keys).
// Browser mode only: under Electron the preload's bridge is there and nothing is sent.
(function () {
  if (window.leadledger) return;
  var hash = window.location.hash.replace(/^#\/?/, '');
  if (hash !== '' && hash !== 'pipeline') return;
  var token =
    new URLSearchParams(window.location.search).get('token') || sessionStorage.getItem('leadledger-token') || '';
  var day = new Date();
  day.setDate(day.getDate() - 30);
  var pad = function (n) {
    return String(n).padStart(2, '0');
  };
  var closedFrom = day.getFullYear() + '-' + pad(day.getMonth() + 1) + '-' + pad(day.getDate());
  var requests = [
    ['leads:board', '{"closedFrom":"' + closedFrom + '","perColumn":50}'],
    ['preferences:get', '{}'],
    ['sources:list', '{"includeArchived":true}'],
  ];
  // Each answer is read here too (status and parsed body), so one that has arrived before React's first render can
  // be drawn by it (takeReady in prefetched.ts) instead of waiting for an effect and a second render.
  var pending = (window.__leadledgerPrefetch = new Map());
  var ready = (window.__leadledgerReady = new Map());
  requests.forEach(function (r) {
    var key = r[0] + ' ' + r[1];
    var answer = fetch('/api/' + r[0], {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: r[1],
    }).then(function (response) {
      return response.json().then(
        function (body) {
          var read = { status: response.status, body: body };
          if (pending.has(key)) ready.set(key, read);
          return read;
        },
        function () {
          return { status: response.status, body: null };
        },
      );
    });
    answer.catch(function () {});
    pending.set(key, answer);
  });
})();
