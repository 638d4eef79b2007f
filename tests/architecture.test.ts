// The layering of docs/DESIGN.md, read from the imports of every file under src/ (static imports,
// `export … from` and `import('…')` with a literal, parsed by typescript-eslint's parser): a stage
// never imports one downstream of it, the shared base (src/*.ts) imports no stage, every folder under src/ is a stage placed in the order, and no files
// import each other in a cycle. Known exceptions are listed below; the test fails on a new one,
// and on a listed one that has gone, so the lists only shrink.
//
// Type-only imports (`import type`, `export type`, `typeof import('…')`) count for both rules.
// For layering, a type is part of a stage's contract: a stage that names a downstream type
// depends on it. For cycles, they are erased before anything runs, so they cannot make a module
// evaluate before the one it needs; but two modules that name each other's types still cannot be
// read or moved one without the other. The cycle issue 17 set out to remove was of that kind:
// enrich/targets-prose.ts and targets-table.ts imported only types from targets.ts, which
// imported their functions; "types in their own module" was the fix.
import fs from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';

const SRC = path.join(PROJECT_ROOT, 'src');

/**
 * The stages, upstream first. A file may import its own stage, the stages before it and the base.
 * `present` shapes answers for both outer stages; `cli` is last because `npm start` serves the
 * web app. A stage folder may not exist yet.
 */
const STAGE_ORDER: readonly (readonly string[])[] = [['ingest'], ['analyse'], ['enrich'], ['library'], ['index'], ['search'], ['request'], ['engine'], ['present'], ['web'], ['cli']];

/** Top-level files (config.ts, errors.ts, group.ts, printable-name.ts): every stage may import them. */
const BASE = '(base)';

/**
 * Imports across the layering that exist today, `<from> -> <to>` relative to the project. None:
 * the CLI's use of web's view models ended when they became the present stage (151bec3).
 */
const KNOWN_LAYER_BREAKS: readonly string[] = [];

/**
 * Import cycles that exist today, each as its files in alphabetical order. The one of issue 17,
 * enrich/targets.ts with targets-prose.ts and targets-table.ts, is gone (95a6f21). Add one only
 * with the issue that will remove it.
 */
const KNOWN_CYCLES: readonly (readonly string[])[] = [];

const CODE = /\.(?:ts|mts|mjs|js)$/u;

interface Edge {
  from: string;
  to: string;
}

interface Graph {
  files: string[];
  edges: Edge[];
  /** Relative imports that resolve to no file, or to a file outside src/. */
  unresolved: string[];
}

const rel = (file: string) => path.relative(PROJECT_ROOT, file).split(path.sep).join('/');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return CODE.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** typescript-eslint's parser, typed only as far as this file reads it (the package types it loosely). */
const parser = tseslint.parser as unknown as {
  parseForESLint(code: string, options: Record<string, unknown>): { ast: unknown; visitorKeys: Record<string, readonly string[] | undefined> };
};

/** Every module specifier a source text imports from, type-only imports included. */
function importsOf(code: string, file = 'file.ts'): string[] {
  const { ast, visitorKeys } = parser.parseForESLint(code, { sourceType: 'module', ecmaVersion: 'latest', filePath: file, range: false, loc: false });
  const found: string[] = [];
  const literal = (node: unknown): string | null => {
    const n = node as { type?: string; value?: unknown; literal?: unknown } | null;
    if (!n) return null;
    if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
    if (n.type === 'TSLiteralType') return literal(n.literal);
    return null;
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type: string };
    switch (n.type) {
      case 'ImportDeclaration':
        found.push(literal(n.source) ?? '');
        break;
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (n.source) found.push(literal(n.source) ?? '');
        break;
      case 'ImportExpression':
      case 'TSImportType': {
        // import('…') with a literal; typeof import('…') in a type.
        const spec = literal(n.source) ?? literal(n.argument);
        if (spec !== null) found.push(spec);
        break;
      }
    }
    for (const key of visitorKeys[n.type] ?? []) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(ast);
  return found;
}

/** A relative specifier to the file it loads: `.js` names the `.ts` file beside it, as tsc resolves it. */
function resolveSpec(from: string, spec: string): string | null {
  const target = path.resolve(path.dirname(from), spec);
  const candidates = [target.replace(/\.js$/u, '.ts'), target.replace(/\.mjs$/u, '.mts'), target, `${target}.ts`, path.join(target, 'index.ts')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function importGraph(root: string): Graph {
  const files = walk(root).sort();
  const known = new Set(files);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'), file)) {
      if (!spec.startsWith('.')) continue; // a package or a node: builtin
      const to = resolveSpec(file, spec);
      if (to === null || !to.startsWith(root + path.sep)) unresolved.push(`${rel(file)} imports '${spec}'${to ? ` (${rel(to)}, outside src/)` : ''}`);
      else if (known.has(to)) edges.push({ from: rel(file), to: rel(to) });
    }
  }
  return { files: files.map(rel), edges, unresolved };
}

/** The stage a file belongs to: its first folder under src/, or BASE for a top-level file. */
function stageOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? (parts[1] as string) : BASE;
}

function rankOf(stage: string): number {
  return STAGE_ORDER.findIndex((names) => names.includes(stage));
}

/**
 * The imports that break the order, as `<from> -> <to>` (several names of one file counted once).
 * A folder that is not in the order is reported once, as a folder, and its imports not at all.
 */
function layerBreaks(edges: Edge[]): string[] {
  const placed = (stage: string) => stage === BASE || rankOf(stage) >= 0;
  const breaks = edges.flatMap(({ from, to }) => {
    const [a, b] = [stageOf(from), stageOf(to)];
    if (!placed(a) || !placed(b) || b === BASE || a === b) return [];
    if (a !== BASE && rankOf(b) < rankOf(a)) return [];
    return [`${from} -> ${to}`];
  });
  return [...new Set(breaks)].sort();
}

/** Strongly connected components of more than one file (or a file importing itself), each sorted. */
function cyclesOf(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return out.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

const key = (cycle: readonly string[]) => cycle.join(' ↔ ');

/** One shortest way round a cycle, from its first file back to it: what to cut. */
function pathRound(cycle: readonly string[], edges: Edge[]): string {
  const start = cycle[0] as string;
  const inside = new Set(cycle);
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as string;
    for (const e of edges) {
      if (e.from !== v || !inside.has(e.to)) continue;
      if (e.to === start) {
        const path = [v];
        while (from.has(path[0] as string)) path.unshift(from.get(path[0] as string) as string);
        return [...path, start].join(' → ');
      }
      if (!from.has(e.to) && e.to !== start) {
        from.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return start;
}

describe('the import parser', () => {
  it('sees every kind of import, type-only ones included, and nothing else', () => {
    const code = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, d } from './c.js';",
      "import './side-effect.js';",
      "export * from './e.js';",
      "export type { F } from './f.js';",
      "export { g } from './g.js';",
      "const h = await import('./h.js');",
      "type I = typeof import('./i.js');",
      "const notAnImport = /import x from '.\\/j.js'/u; // import k from './k.js'",
      'const s = "import l from \'./l.js\'";',
    ].join('\n');
    expect(importsOf(code)).toEqual(['./a.js', './b.js', './c.js', './side-effect.js', './e.js', './f.js', './g.js', './h.js', './i.js']);
  });

  it('finds the cycles of a graph', () => {
    const edges = (text: string) => text.split(' ').map((pair) => ({ from: pair.slice(0, 1), to: pair.slice(2) }));
    expect(cyclesOf(['a', 'b', 'c', 'd'], edges('a>b b>c c>a c>d'))).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf(['a', 'b'], edges('a>b'))).toEqual([]);
    expect(cyclesOf(['a'], edges('a>a'))).toEqual([['a']]);
    expect(pathRound(['a', 'b', 'c'], edges('a>b b>c b>a c>a'))).toBe('a → b → a');
  });
});

describe('src/', () => {
  const graph = importGraph(SRC);

  it('is read whole: every file and its relative imports', () => {
    expect(graph.files.length).toBeGreaterThan(50);
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
    expect(graph.unresolved).toEqual([]);
  });

  it('has no folder that is not a stage in the order', () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).filter((name) => rankOf(name) < 0)).toEqual([]);
  });

  it('never imports downstream: a stage only its own, earlier stages and the base', () => {
    const breaks = layerBreaks(graph.edges);
    const unknown = breaks.filter((b) => !KNOWN_LAYER_BREAKS.includes(b));
    const gone = KNOWN_LAYER_BREAKS.filter((b) => !breaks.includes(b));
    expect(unknown, 'imports that break the stage order').toEqual([]);
    expect(gone, 'listed in KNOWN_LAYER_BREAKS but gone: remove them from the list').toEqual([]);
  });

  it('has no import cycles but the known ones', () => {
    const found = cyclesOf(graph.files, graph.edges);
    const cycles = found.map(key);
    const known = KNOWN_CYCLES.map(key);
    const unknown = found.filter((c) => !known.includes(key(c))).map((c) => `${key(c)} (for one: ${pathRound(c, graph.edges)})`);
    const gone = known.filter((c) => !cycles.includes(c));
    expect(unknown, 'import cycles').toEqual([]);
    expect(gone, 'listed in KNOWN_CYCLES but gone: remove them from the list').toEqual([]);
  });
});
