// Copy buttons for citations: shown only where JS runs; without JS the citation text stays
// selectable. Kept in a static file so a strict CSP needs no inline script.
// A permalink rendered as a path (no PUBLIC_ORIGIN configured) is made absolute from the page's
// own address, shown and copied so.
document.addEventListener('DOMContentLoaded', () => {
  for (const link of document.querySelectorAll('[data-permalink]')) {
    const path = link.getAttribute('data-permalink') || '';
    if (!path.startsWith('/')) continue;
    const absolute = window.location.origin + path;
    const code = link.querySelector('code');
    if (code) code.textContent = absolute;
    const button = link.parentElement && link.parentElement.querySelector('button.copy');
    if (button) button.setAttribute('data-copy', absolute);
  }
  for (const row of document.querySelectorAll('.copy-as')) row.hidden = false;
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      // A Markdown link to a path (no PUBLIC_ORIGIN) gets this page's origin.
      // A permalink path (no PUBLIC_ORIGIN) is copied absolute too.
      const raw = button.getAttribute('data-copy') || '';
      const text = (raw.startsWith('/') ? window.location.origin + raw : raw).replaceAll('](/', `](${window.location.origin}/`);
      const original = button.textContent;
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = '已复制';
      } catch {
        const range = document.createRange();
        const code = button.parentElement && button.parentElement.querySelector('code');
        if (code) {
          range.selectNodeContents(code);
          const sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
        }
        button.textContent = '请按 Ctrl+C 复制';
      }
      setTimeout(() => {
        button.textContent = original;
      }, 1800);
    });
  }
});
