import { clauses, norms } from './_review_harness.mts';
const cats: Record<string, Set<string>> = {};
for (const c of clauses) for (const ch of c.text) {
  const cp = ch.codePointAt(0)!;
  let k = '';
  if (cp > 0xffff) k = 'astral';
  else if (/\p{M}/u.test(ch)) k = 'mark';
  else if (ch.normalize('NFKC') !== ch) k = 'nfkc';
  else if (/\s/u.test(ch)) k = 'space';
  else if (/[^\p{Script=Han}\p{L}\p{N}]/u.test(ch)) k = 'punct';
  if (k) (cats[k] ??= new Set()).add(ch);
}
for (const [k, v] of Object.entries(cats)) console.log(k, JSON.stringify([...v].join('')));
