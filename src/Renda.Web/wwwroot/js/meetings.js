// Meetings pages (Features/Meetings/Pages): the CSP allows no inline handlers, so the small behaviours live here,
// switched on by data attributes. Every page works without them; the server checks everything again.
(function () {
  // (A step that cannot be undone asks first: data-confirm, in site.js for every page.)

  // (A year selector's data-autosubmit and the one-submit guard of every form are in site.js.)

  // Livelihood ballot: at most N ticks; once N are ticked the others are disabled until one is unticked.
  document.querySelectorAll('form[data-max-ticks]').forEach(function (form) {
    const max = parseInt(form.dataset.maxTicks, 10);
    const boxes = Array.from(form.querySelectorAll('input[type="checkbox"]'));
    const count = form.querySelector('[data-tick-count]');
    const update = function () {
      const n = boxes.filter(function (b) { return b.checked; }).length;
      boxes.forEach(function (b) {
        if (!b.checked) b.disabled = n >= max;
        b.closest('label')?.classList.toggle('text-muted', b.disabled);
      });
      if (count) count.textContent = String(n);
    };
    boxes.forEach(function (b) { b.addEventListener('change', update); });
    update();
  });

  // Nomination: the late-nomination reason is required when the meeting is less than ten days after the nomination.
  document.querySelectorAll('form[data-nomination]').forEach(function (form) {
    const meeting = form.querySelector('[data-meeting-select]');
    const on = form.querySelector('[data-nominated-on]');
    const reason = form.querySelector('[data-late-reason]');
    const hint = form.querySelector('[data-late-hint]');
    const days = parseInt(form.dataset.nomination, 10);
    const update = function () {
      const starts = meeting.selectedOptions[0]?.dataset.starts;
      if (!starts || !on.value) return;
      const ahead = Math.round((Date.parse(starts) - Date.parse(on.value)) / 86400000);
      const late = ahead < days;
      reason.required = late;
      if (hint) {
        hint.hidden = !late;
        hint.textContent = '提请于会前 ' + ahead + ' 日，不足十日，须填写理由';
      }
    };
    meeting.addEventListener('change', update);
    on.addEventListener('change', update);
    update();
  });

  // Oath: one taker is an individual oath, several a collective one led by one of them.
  document.querySelectorAll('form[data-oath]').forEach(function (form) {
    const boxes = Array.from(form.querySelectorAll('input[name$="AppointmentIds"]'));
    const kind = form.querySelector('[data-oath-kind]');
    const leader = form.querySelector('[data-oath-leader]');
    const showLeader = function () { leader.hidden = kind.value !== 'Collective'; };
    boxes.forEach(function (b) {
      b.addEventListener('change', function () {
        const n = boxes.filter(function (x) { return x.checked; }).length;
        if (n === 1) kind.value = 'Individual';
        if (n > 1) kind.value = 'Collective';
        showLeader();
      });
    });
    kind.addEventListener('change', showLeader);
    showLeader();
  });
})();
