// Deputies' suggestion pages: character counter, co-signer picker, assignment mode. Every form also works without this file.
(function () {
  'use strict';

  // Character counter: <textarea data-counter-max="10000" data-counter-min="20"> and <span data-counter-for="id">.
  document.querySelectorAll('textarea[data-counter-max]').forEach(function (area) {
    const out = document.querySelector('[data-counter-for="' + area.id + '"]');
    if (!out) return;
    const max = parseInt(area.dataset.counterMax, 10);
    const min = parseInt(area.dataset.counterMin || '0', 10);
    const update = function () {
      // The server counts the trimmed text in UTF-16 units, as String.length does.
      const n = area.value.trim().length;
      out.textContent = '已输入 ' + n + ' / ' + max + ' 字' + (n > max ? '，超出 ' + (n - max) + ' 字' : n > 0 && n < min ? '，还差 ' + (min - n) + ' 字' : '');
      out.classList.toggle('text-danger', n > max);
      out.classList.toggle('fw-semibold', n > max);
      out.classList.toggle('text-muted', n <= max);
    };
    area.addEventListener('input', update);
    update();
  });

  // Co-signer picker: asks the lookup endpoint and adds the matches as checkboxes, like the no-script search does.
  document.querySelectorAll('[data-deputy-picker]').forEach(function (picker) {
    const query = picker.querySelector('[data-picker-query]');
    const button = picker.querySelector('[data-picker-search]');
    const results = picker.querySelector('[data-picker-results]');
    const chosen = picker.querySelector('[data-picker-chosen]');
    const field = picker.dataset.field;
    const exclude = picker.dataset.exclude || '';
    if (!query || !button || !results || !chosen) return;

    const item = function (d, checked) {
      const label = document.createElement('label');
      label.className = 'form-check picker-item';
      const box = document.createElement('input');
      box.className = 'form-check-input';
      box.type = 'checkbox';
      box.name = field;
      box.value = String(d.id);
      box.checked = checked;
      const text = document.createElement('span');
      text.className = 'form-check-label';
      text.append(d.name + ' ');
      const small = document.createElement('small');
      small.className = 'text-muted';
      small.textContent = d.delegation || '';
      text.append(small);
      label.append(box, text);
      // A ticked match moves up to the chosen ones, so the next search does not drop it.
      box.addEventListener('change', function () {
        if (box.checked && label.parentElement === results) chosen.append(label);
      });
      return label;
    };

    const note = function (text) {
      const p = document.createElement('p');
      p.className = 'small text-muted mb-0';
      p.textContent = text;
      results.replaceChildren(p);
    };

    const search = async function () {
      const q = query.value.trim();
      if (!q) { note('请输入代表姓名。'); return; }
      const taken = new Set(Array.from(chosen.querySelectorAll('input[type=checkbox]')).map(function (b) { return b.value; }));
      button.disabled = true;
      try {
        const response = await fetch(picker.dataset.lookup + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) { note('查找失败（' + response.status + '），请稍后重试。'); return; }
        const found = (await response.json()).filter(function (d) { return String(d.id) !== exclude && !taken.has(String(d.id)); });
        if (found.length === 0) { note('没有找到姓名包含“' + q + '”的在任代表。'); return; }
        results.replaceChildren.apply(results, found.map(function (d) { return item(d, false); }));
      } catch (e) {
        note('查找失败，请检查网络后重试。');
      } finally {
        button.disabled = false;
      }
    };

    // Chosen checkboxes rendered by the server move nowhere; matches rendered by the server behave like ours.
    results.querySelectorAll('label.picker-item').forEach(function (label) {
      const box = label.querySelector('input');
      box.addEventListener('change', function () { if (box.checked && label.parentElement === results) chosen.append(label); });
    });
    button.addEventListener('click', function (e) { e.preventDefault(); search(); });
    query.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); search(); }
    });
  });

  // Long forms: Enter in a one-line field does not send the form (the picker's search box has its own Enter).
  document.querySelectorAll('form[data-no-enter-submit]').forEach(function (form) {
    form.addEventListener('keydown', function (e) {
      const t = e.target;
      if (e.key === 'Enter' && t instanceof HTMLInputElement && !t.hasAttribute('data-picker-query') && t.type !== 'submit' && t.type !== 'button') e.preventDefault();
    });
  });

  // Assignment: show the units of the chosen mode only (both show without script; the server reads the chosen mode's).
  document.querySelectorAll('[data-assign-form]').forEach(function (form) {
    const radios = form.querySelectorAll('input[type=radio][data-mode]');
    const update = function () {
      const mode = Array.from(radios).find(function (r) { return r.checked; });
      form.querySelectorAll('[data-mode-group]').forEach(function (g) {
        g.hidden = !!mode && g.dataset.modeGroup !== mode.value;
      });
    };
    radios.forEach(function (r) { r.addEventListener('change', update); });
    update();
  });
})();
