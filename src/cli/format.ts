// Search results as terminal text: one block per hit with label, snippet, citation and link.
import type { MarkedSegment } from '../search/snippet.js';
import type { SearchView } from '../present/search-results.js';

export function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  return Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true;
}

/**
 * Corpus text and queries with control characters shown as U+FFFD: a file holding ESC sequences
 * must not be able to drive the reader's terminal. Tabs and newlines are layout and stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, '\uFFFD');
}

/** Matches in reverse video on a terminal, in 【】 when piped. */
export function terminalSnippet(parts: MarkedSegment[], color: boolean): string {
  return parts
    .map((p) => {
      const text = printable(p.text);
      return p.mark ? (color ? `\u001b[1;33m${text}\u001b[0m` : `【${text}】`) : text;
    })
    .join('');
}

export function formatResults(view: SearchView, color: boolean): string {
  const lines: string[] = [];
  const line = (text: string) => lines.push(printable(text));
  const shown = view.hits.length ? `，显示第 ${view.offset + 1}–${view.offset + view.hits.length} 条` : '';
  line(`“${view.query}”：${view.total} 个条款${shown}`);
  if (view.facets.doc.length) line(`  ${view.facets.doc.map((f) => `${f.label} ${f.count}`).join(' · ')}`);
  if (view.total === 0) {
    for (const t of view.terms) line(`  单独检索 ${t.source}：${t.count} 个条款`);
    for (const s of view.suggestions) {
      const what = s.kind === 'split' ? '汉字和数字分开检索' : s.kind === 'drop-exclusion' ? `不排除 ${s.dropped}` : `去掉 ${s.dropped}`;
      line(`  ${what}：${s.query}（${s.count} 个条款）`);
    }
  }
  for (const hit of view.hits) {
    lines.push('');
    line(`${hit.rank}. ${hit.label} ${hit.title ?? hit.lead ?? ''} · ${hit.docTitle}（${hit.jurisdiction ?? ''}）`.replace(/\s+·/u, ' ·'));
    // Made printable part by part, so that its own colour codes stay.
    lines.push(`   ${terminalSnippet(hit.snippetParts, color)}`);
    line(`   引用：${hit.citation}`);
    line(`   链接：${hit.url}`);
  }
  return lines.join('\n');
}
