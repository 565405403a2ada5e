// Renda shell script: CSRF header for htmx and fetch, idle logout in the browser (the server decides too).
(function () {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token) e.detail.headers['X-CSRF-TOKEN'] = token;
  });
  const idle = document.getElementById('idle-config');
  if (idle) {
    const minutes = parseInt(idle.dataset.idleMinutes || '30', 10);
    let timer;
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { window.location.href = '/login?reason=idle'; }, minutes * 60 * 1000);
    };
    ['click', 'keydown', 'scroll', 'touchstart'].forEach(ev => document.addEventListener(ev, reset, { passive: true }));
    reset();
  }
  // A step that cannot be undone says what will happen and asks first (data-confirm on its form). Registered on the form,
  // so a "no" stops the submit before the one-submit guard below disables the buttons. Without script the server's own
  // checks still hold.
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); e.stopImmediatePropagation(); }
    });
  });
  // Forms: disable the submit buttons after the first click so a double click sends one request (a ballot form has
  // three: 赞成, 反对, 弃权). Disabled after the event, so the clicked button's value is still sent.
  document.addEventListener('submit', function (e) {
    const buttons = e.target.querySelectorAll('button[type="submit"]');
    setTimeout(() => buttons.forEach(b => { b.disabled = true; }), 0);
  });
  // <select data-autosubmit>: choosing a value submits its form (a year filter); without script a button is shown.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', () => select.form.submit());
  });
})();
