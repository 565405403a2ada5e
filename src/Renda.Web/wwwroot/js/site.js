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
  // Forms: disable the submit button after the first click so a double click sends one request.
  document.addEventListener('submit', function (e) {
    const button = e.target.querySelector('button[type="submit"]');
    if (button) setTimeout(() => { button.disabled = true; }, 0);
  });
})();
