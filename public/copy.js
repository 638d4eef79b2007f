// Copy buttons for citations: shown only where JS runs; without JS the citation text stays
// selectable. Kept in a static file so a strict CSP needs no inline script.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = button.getAttribute('data-copy') || '';
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
