// Assertions shared by the fuzz suites.
import { expect } from 'vitest';

/** Snippet HTML: <mark> is the only markup, and every other <, >, &, " and ' is escaped. */
export function expectEscapedHtml(html: string, plain: string, label: string): void {
  const bare = html.replace(/<\/?mark>/gu, '');
  expect(bare, label).not.toMatch(/[<>"']/u);
  expect(bare.replace(/&#\d+;/gu, ''), label).not.toContain('&');
  expect(
    bare.replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n))),
    label,
  ).toBe(plain);
  // Marks open and close in turn, never nested.
  const tags = [...html.matchAll(/<\/?mark>/gu)].map((m) => m[0]);
  tags.forEach((t, i) => expect(t, label).toBe(i % 2 === 0 ? '<mark>' : '</mark>'));
}
