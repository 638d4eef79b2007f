// Search results as terminal text: one block per hit with label, snippet, citation and link.
import type { MarkedSegment } from '../search/snippet.js';
import type { SearchView } from '../web/search-view.js';

export function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  return Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true;
}

/** Matches in reverse video on a terminal, in 【】 when piped. */
export function terminalSnippet(parts: MarkedSegment[], color: boolean): string {
  return parts.map((p) => (p.mark ? (color ? `\u001b[1;33m${p.text}\u001b[0m` : `【${p.text}】`) : p.text)).join('');
}

export function formatResults(view: SearchView, color: boolean): string {
  const lines: string[] = [];
  const shown = view.hits.length ? `，显示第 ${view.offset + 1}–${view.offset + view.hits.length} 条` : '';
  lines.push(`“${view.query}”：${view.total} 个条款${shown}`);
  if (view.facets.doc.length) lines.push(`  ${view.facets.doc.map((f) => `${f.label} ${f.count}`).join(' · ')}`);
  if (view.total === 0) {
    for (const t of view.terms) lines.push(`  单独检索 ${t.source}：${t.count} 个条款`);
    for (const s of view.suggestions) {
      const what = s.kind === 'split' ? '汉字和数字分开检索' : s.kind === 'drop-exclusion' ? `不排除 ${s.dropped}` : `去掉 ${s.dropped}`;
      lines.push(`  ${what}：${s.query}（${s.count} 个条款）`);
    }
  }
  for (const hit of view.hits) {
    lines.push('');
    lines.push(`${hit.rank}. ${hit.label} ${hit.title ?? hit.lead ?? ''} · ${hit.docTitle}（${hit.jurisdiction ?? ''}）`.replace(/\s+·/u, ' ·'));
    lines.push(`   ${terminalSnippet(hit.snippetParts, color)}`);
    lines.push(`   引用：${hit.citation}`);
    lines.push(`   链接：${hit.url}`);
  }
  return lines.join('\n');
}
