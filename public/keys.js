// Keyboard: "/" puts the cursor in the search box, as on most search sites, unless the user is
// already typing somewhere. A static file, so the strict CSP needs no inline script.
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
