// The two baselines every figure is a ratio against, fed exactly what the engine gets:
// a literal scan of every clause's normalised text, and MiniSearch indexing the same analyzer
// tokens. Both must find the same clauses as the engine; the bench checks that before timing.
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { recallTokens, termTokens } from '../../src/analyse/analyzer.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import type { ParsedQuery } from '../../src/search/query.js';
import { rankHits } from '../../src/search/rank.js';

/** Clause numbers (ascending) whose text satisfies the query, testing every clause. */
export function scanMatches(texts: readonly string[], query: ParsedQuery): number[] {
  const out: number[] = [];
  for (let n = 0; n < texts.length; n++) {
    const text = texts[n] as string;
    if (query.groups.every((g) => g.some((t) => text.includes(t.text))) && !query.exclude.some((t) => text.includes(t.text))) out.push(n);
  }
  return out;
}

/** What the engine answers without an index: scan, then the same ranking for the first page. */
export function scanSearch(entries: IndexedClause[], texts: readonly string[], query: ParsedQuery, take: number): { total: number; top: string[] } {
  const numbers = scanMatches(texts, query);
  return { total: numbers.length, top: rankHits({ entries, numbers, query, take }).map((h) => h.entry.clause.id) };
}

const SEPARATOR = '\n';

export interface MiniBaseline {
  search(query: ParsedQuery, take: number): { total: number; numbers: number[] };
}

/**
 * MiniSearch over the analyzer's recall tokens (no normalisation of its own). A term's candidates
 * are the clauses holding all its tokens, verified literally like the engine's; groups and
 * exclusions combine the same way; the page is ordered by MiniSearch's BM25 score.
 */
export function miniBaseline(texts: readonly string[]): MiniBaseline {
  const split = (s: string) => s.split(SEPARATOR);
  const mini = new MiniSearch<{ id: number; tokens: string }>({
    fields: ['tokens'],
    storeFields: [],
    tokenize: split,
    processTerm: (t) => t,
    searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false, tokenize: split, processTerm: (t) => t },
  });
  mini.addAll(texts.map((text, id) => ({ id, tokens: recallTokens(text).join(SEPARATOR) })));
  const termHits = (term: string): Map<number, number> => {
    const found = new Map<number, number>();
    for (const r of mini.search(termTokens(term).join(SEPARATOR))) if ((texts[r.id as number] as string).includes(term)) found.set(r.id as number, r.score);
    return found;
  };
  return {
    search(query, take) {
      const groups = query.groups.map((g) => {
        const union = new Map<number, number>();
        for (const t of g) for (const [n, s] of termHits(t.text)) union.set(n, (union.get(n) ?? 0) + s);
        return union;
      });
      groups.sort((a, b) => a.size - b.size);
      const excluded = query.exclude.map((t) => termHits(t.text));
      const scored: [number, number][] = [];
      for (const [n, s] of groups[0] ?? new Map<number, number>()) {
        let score = s;
        let ok = true;
        for (const g of groups.slice(1)) {
          const other = g.get(n);
          if (other === undefined) {
            ok = false;
            break;
          }
          score += other;
        }
        if (ok && !excluded.some((x) => x.has(n))) scored.push([n, score]);
      }
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return { total: scored.length, numbers: scored.slice(0, take).map(([n]) => n) };
    },
  };
}

export interface SqliteBaseline {
  search(query: ParsedQuery, take: number): { total: number; numbers: number[] };
  /** Database size in bytes (in memory: page count × page size). */
  bytes: number;
  buildMs: number;
}

/**
 * SQLite FTS5 with the trigram tokenizer, what a user would pick instead: the same normalised
 * texts, case-sensitive (the analyzer has folded case already), a term of three or more
 * characters through MATCH, a shorter one through LIKE (a trigram index cannot serve it), groups
 * ORed and excluded terms NOT-ed in SQL. Every clause matching is returned, as the engine counts
 * them all; the page is the first `take` in bm25 order when the whole query is one MATCH.
 */
export function sqliteBaseline(texts: readonly string[]): SqliteBaseline {
  const started = performance.now();
  const db = new Database(':memory:');
  db.pragma('journal_mode = OFF');
  // LIKE is case-insensitive for ASCII by default; the engine's terms are literal.
  db.pragma('case_sensitive_like = ON');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = "trigram case_sensitive 1")`);
  const insert = db.prepare('INSERT INTO t(rowid, body) VALUES (?, ?)');
  db.transaction(() => texts.forEach((text, n) => insert.run(n, text)))();
  db.exec(`INSERT INTO t(t) VALUES ('optimize')`);
  const buildMs = performance.now() - started;
  const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql).pluck()));
    return statement;
  };
  const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const long = (text: string) => [...text].length >= 3;
  return {
    buildMs,
    bytes,
    search(query, take) {
      const terms = [...query.groups.flat(), ...query.exclude];
      let numbers: number[];
      if (terms.every((t) => long(t.text))) {
        const expr = query.groups.map((g) => `(${g.map((t) => phrase(t.text)).join(' OR ')})`).join(' AND ');
        const not = query.exclude.map((t) => ` NOT ${phrase(t.text)}`).join('');
        numbers = prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank').all(`${expr}${not}`) as number[];
      } else {
        const params: string[] = [];
        const cond = (text: string) => {
          params.push(long(text) ? phrase(text) : `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
          return long(text) ? 'rowid IN (SELECT rowid FROM t WHERE t MATCH ?)' : `body LIKE ? ESCAPE '\\'`;
        };
        const where = [...query.groups.map((g) => `(${g.map((t) => cond(t.text)).join(' OR ')})`), ...query.exclude.map((t) => `NOT ${cond(t.text)}`)].join(' AND ');
        numbers = prepare(`SELECT rowid FROM t WHERE ${where}`).all(...params) as number[];
      }
      return { total: numbers.length, numbers: numbers.slice(0, take) };
    },
  };
}
