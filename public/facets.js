// Long facet lists (hundreds of documents or issuers) and /compare's folded pick list get a box
// that narrows them as you type; the folded values open while a filter is typed. Without script
// the box stays hidden and the fold still lists every value. A static file, so the strict CSP
// needs no inline script.
document.addEventListener('DOMContentLoaded', () => {
  for (const block of document.querySelectorAll('.facet-block, .pick-block')) {
    const box = block.querySelector('input.facet-filter');
    if (!box) continue;
    const more = block.querySelector('details.facet-more');
    const none = block.querySelector('.facet-none');
    const items = [...block.querySelectorAll('li, label.doc-check')].filter((el) => el.querySelector('a, input'));
    box.hidden = false;
    box.addEventListener('input', () => {
      const wanted = box.value.trim().toLowerCase();
      let shown = 0;
      for (const li of items) {
        const match = wanted === '' || li.textContent.toLowerCase().includes(wanted);
        li.hidden = !match;
        if (match) shown++;
      }
      if (more && wanted !== '') more.open = true;
      if (none) none.hidden = shown > 0;
    });
  }
});
