// ComputeMarket portal: live task status (polls the portal's own JSON endpoint) and task-form examples. No libraries.
(function () {
  'use strict';
  function poll() {
    var cells = document.querySelectorAll('[data-task-status]');
    if (!cells.length) { return; }
    var ids = Array.prototype.map.call(cells, function (c) { return c.getAttribute('data-task-status'); });
    var base = document.body.getAttribute('data-context') || '';
    fetch(base + '/status?ids=' + encodeURIComponent(ids.join(',')), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (statuses) {
        if (!statuses) { return; }
        cells.forEach(function (c) {
          var s = statuses[c.getAttribute('data-task-status')];
          if (s && c.textContent !== s) { c.textContent = s; }
        });
      })
      .catch(function () { /* the next tick tries again */ });
  }
  function examples() {
    var type = document.querySelector('[data-examples]');
    if (!type) { return; }
    var examples = JSON.parse(type.getAttribute('data-examples'));
    var payload = document.getElementById(type.getAttribute('data-payload'));
    type.addEventListener('change', function () {
      if (examples[type.value] !== undefined) { payload.value = examples[type.value]; }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    examples();
    if (document.querySelector('[data-task-status]')) { poll(); setInterval(poll, 2000); }
  });
})();
