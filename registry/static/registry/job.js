// A background job's page (registry/job_views.py): asks for the job's state every second and
// a half, moves the progress bar and, when the job is done, opens its result.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var url = box.getAttribute("data-state-url");
  var bar = document.getElementById("job-progress");
  var step = document.getElementById("job-step");
  var count = document.getElementById("job-count");
  var status = document.getElementById("job-status");
  function show(state) {
    if (state.finished) {
      window.location.assign(state.url || window.location.href);
      return;
    }
    status.textContent = state.status_label;
    if (state.step) { step.textContent = state.step; }
    bar.value = state.percent;
    bar.textContent = state.percent + "%";
    count.textContent = state.total ? state.done + " van " + state.total : "";
    window.setTimeout(ask, 1500);
  }
  function ask() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state) { show(state); } })
      .catch(function () { window.setTimeout(ask, 5000); });
  }
  window.setTimeout(ask, 1000);
})();
