import { hits, norms, clauses } from './_review_harness.mts';
import { normalizeText } from './src/analyse/analyzer.js';
let bad = 0, n = 0, notContained = 0;
for (let k = 0; k < 5000; k++) {
  const i = Math.floor(Math.random() * clauses.length);
  const t = clauses[i]!.text;
  const cps = [...t];
  const len = 1 + Math.floor(Math.random() * 8);
  const s = Math.floor(Math.random() * cps.length);
  const sub = cps.slice(s, s + len).join('');
  if (sub.includes('"') || !normalizeText(sub)) continue;
  const ns = normalizeText(sub);
  if (!norms[i]!.includes(ns)) { notContained++; if (notContained < 10) console.log('NOT CONTAINED', JSON.stringify(sub), JSON.stringify(ns)); }
  let h; try { h = hits('"' + sub + '"'); } catch (e) { console.log('ERR', JSON.stringify(sub), (e as Error).message); continue; }
  n++;
  if (!h.ids.has(clauses[i]!.id)) { bad++; if (bad < 10) console.log('MISS own clause', JSON.stringify(sub), JSON.stringify(h.query.groups.map(g=>g.map(t=>t.text)))); }
}
console.log('checked', n, 'miss', bad, 'notContained', notContained);
// idempotence of normalisation on normalised text
let nonIdem = 0;
for (const t of norms) { if (normalizeText(t) !== t) { nonIdem++; if (nonIdem < 5) console.log('NONIDEM', JSON.stringify(t.slice(0,80))); } }
console.log('nonIdempotent', nonIdem);
