// Clause identity for citation: printed pinpoint labels (三（四）11), Chinese legal-style
// citation strings, and GB/T 7714 reference entries for whole documents.

export interface LabelPart {
  text: string;
  kind: 'part' | 'item' | 'para' | 'subpara' | 'box' | 'heading' | 'container' | 'suffix';
}

/**
 * 三 + （四） + 11 → 三（四）11. Boxes are numbered through the whole document, so a box's
 * label starts at 专栏N rather than repeating where it sits.
 */
export function labelFor(parts: LabelPart[]): string {
  const boxAt = parts.findLastIndex((p) => p.kind === 'box');
  const used = boxAt === -1 ? parts : parts.slice(boxAt);
  return used.map((p) => (p.kind === 'heading' ? `「${p.text}」` : p.text)).join('');
}

export interface CitationInput {
  title: string;
  docNumber: string | null;
  label: string;
  lead: string | null;
  /** Printed pages, for sources that have them (PDF). */
  pages?: [number, number] | null;
}

/** 《成都市碳达峰实施方案》（成府发〔2024〕10号）三（二）5“深化能源消费结构调整”, plus （第5页） from a PDF. */
export function citationFor({ title, docNumber, label, lead, pages }: CitationInput): string {
  const number = docNumber ? `（${docNumber}）` : '';
  const phrase = lead ? `“${lead}”` : '';
  return `《${title}》${number}${label}${phrase}${pages ? pageNote(pages) : ''}`;
}

/** （第5页）, or （第5—6页） for a clause that runs over a page break. */
export function pageNote([first, last]: [number, number]): string {
  return first === last ? `（第${first}页）` : `（第${first}—${last}页）`;
}

export interface ReferenceInput {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  /** Absolute URL of the document's page, when known. */
  url?: string;
  accessed?: string;
}

/**
 * GB/T 7714-2015 entry for an official document ([A], 档案 / 公文), with the online form
 * ([A/OL], update date, access date, URL) when the document's address is given.
 * Unknown authors are left out rather than guessed.
 */
export function referenceFor(ref: ReferenceInput): string {
  const author = ref.issuer ? `${ref.issuer}. ` : '';
  const number = ref.docNumber ? `：${ref.docNumber}` : '';
  if (ref.url) {
    const published = ref.date ? `(${ref.date})` : '';
    const accessed = ref.accessed ? `[${ref.accessed}]` : '';
    return `${author}${ref.title}${number}[A/OL]. ${published}${accessed}. ${ref.url}.`;
  }
  const date = ref.date ?? '[出版日期不详]';
  return `${author}${ref.title}${number}[A]. ${date}.`;
}
