// Work tables as cards on a phone (table.cards, site.css): each cell is labelled with its column's heading, so a card
// reads "期限 2026-11-20" without the header row. Cells that carry their own data-label keep it.
(function () {
  function label(root) {
    root.querySelectorAll('table.cards').forEach(function (table) {
      const heads = [...table.querySelectorAll('thead tr:first-child > th')];
      if (heads.length === 0) return;
      const names = [];
      heads.forEach(th => { for (let i = 0; i < (th.colSpan || 1); i++) names.push(th.textContent.trim()); });
      table.querySelectorAll('tbody > tr').forEach(function (tr) {
        let col = 0;
        [...tr.children].forEach(function (td) {
          if (!td.hasAttribute('data-label') && td.colSpan < names.length && names[col]) td.setAttribute('data-label', names[col]);
          col += td.colSpan || 1;
        });
      });
    });
  }
  label(document);
  document.body.addEventListener('htmx:afterSwap', e => label(e.target));
})();
