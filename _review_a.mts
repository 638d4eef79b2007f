import { hits, brute, norms, clauses } from './_review_harness.mts';
// random substrings of 1-8 code points, including ones that cross spaces
let bad = 0, n = 0;
const all = norms;
for (let k = 0; k < 5000; k++) {
  const t = all[Math.floor(Math.random() * all.length)]!;
  const cps = [...t];
  if (!cps.length) continue;
  const len = 1 + Math.floor(Math.random() * 8);
  const s = Math.floor(Math.random() * cps.length);
  const sub = cps.slice(s, s + len).join('');
  if (!sub.trim()) continue;
  const q = '"' + sub.replace(/"/g, '') + '"';
  if (sub.includes('"')) continue;
  let h;
  try { h = hits(q); } catch (e) { console.log('ERR', JSON.stringify(q), (e as Error).message); bad++; continue; }
  const term = h.query.groups[0]![0]!.text;
  const b = new Set(clauses.filter((c, i) => norms[i]!.includes(term)).map((c) => c.id));
  n++;
  if (b.size !== h.ids.size || [...b].some((x) => !h.ids.has(x))) { bad++; if (bad < 15) console.log('MISMATCH', JSON.stringify(q), JSON.stringify(term), b.size, h.ids.size); }
}
console.log('checked', n, 'bad', bad);
