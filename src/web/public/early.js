// Early data: requests the app needs first start while its code is still downloading; the API
// client picks the responses up (see src/web/api/client.ts). Who is signed in, on every page of the
// signed-in area; when the page is a review, its whole document; on the trends page as it opens
// (no filters in its address), its six trends.
// A file rather than an inline script, so the Content-Security-Policy can stay script-src 'self'.
(function () {
  if (!window.fetch || /^\/(sign-in|setup)\/?$/.test(location.pathname)) return;
  var early = (window.__hindsightEarly = {});
  var get = function (path) {
    early[path] = fetch(path, { headers: { accept: 'application/json, application/problem+json' } });
  };
  get('/api/auth/session');
  var match = location.pathname.match(/^\/reviews\/(\d+)(?:\/read)?\/?$/);
  if (match) get('/api/reviews/' + match[1] + '/document');
  if (/^\/trends\/?$/.test(location.pathname) && !location.search) {
    ['incidents', 'durations', 'contributors', 'review-deadlines', 'action-items'].forEach(function (name) {
      get('/api/trends/' + name);
    });
    get('/api/trends/backlog?workingDays=20'); // the page's default, as TrendsPage asks for it
  }
})();
