// Keyboard: "/" puts the cursor in the search box, as on most search sites, unless the user is
// already typing somewhere; and the printed page's address made absolute. A static file, so the
// strict CSP needs no inline script.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName))) return;
  const box = document.querySelector('form.searchbox input[name="q"]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

// A printed page names its full address; the server knows it only when PUBLIC_ORIGIN is set.
document.addEventListener('DOMContentLoaded', () => {
  const url = document.querySelector('.print-meta .print-url');
  if (url && !/^https?:/u.test(url.textContent || '')) url.textContent = window.location.href;
});
