// Every address the site links to, built in one place and used by code and templates alike
// (templates read it as `urls`), so a route's path is written once. A page's parameters come as
// name/value pairs (encoded here, in the order given, empty ones left out) or as a query string
// already built from checked values (URLSearchParams, paramsQuery). Templates still escape the
// result for HTML.
const enc = encodeURIComponent;

type Query = string | Record<string, string | undefined>;
/** The reference downloads: RIS, BibLaTeX, CSL-JSON and a GB/T 7714 reference list. */
export type ReferenceExtension = 'ris' | 'bib' | 'json' | 'txt';

function withQuery(path: string, q: Query = ''): string {
  const qs =
    typeof q === 'string'
      ? q
      : Object.entries(q)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => `${k}=${enc(v as string)}`)
          .join('&');
  return qs ? `${path}?${qs}` : path;
}

export const urls = {
  home: () => '/',
  docs: (q?: Query) => withQuery('/docs', q),
  /** A document in the reader, optionally highlighting a query and opened at a clause. */
  doc: (id: string, options: { hl?: string; anchor?: string } = {}) => withQuery(`/docs/${enc(id)}`, { hl: options.hl }) + (options.anchor ? `#${options.anchor}` : ''),
  /** A clause's permalink. */
  clause: (id: string) => `/c/${enc(id)}`,
  themes: (q?: Query) => withQuery('/themes', q),
  theme: (id: string, q?: Query) => withQuery(`/themes/${enc(id)}`, q),
  themeDiffusion: (id: string) => `/themes/${enc(id)}/diffusion`,
  versions: (before: string, after: string) => `/versions/${enc(before)}/${enc(after)}`,
  versionsJson: (before: string, after: string) => `/api/versions/${enc(before)}/${enc(after)}`,
  themeDiffusionJson: (id: string) => `/api/themes/${enc(id)}/diffusion`,
  themeDiffusionCsv: (id: string) => `/themes/${enc(id)}/diffusion.csv`,
  themeDiffusionXlsx: (id: string) => `/themes/${enc(id)}/diffusion.xlsx`,
  policies: (q?: Query) => withQuery('/policies', q),
  policiesXlsx: () => '/policies.xlsx',
  /** One cited policy with every plan that cites it. */
  policy: (key: string, q?: Query) => withQuery(`/policies/${enc(key)}`, q),
  compare: (q?: Query) => withQuery('/compare', q),
  compareCsv: (q?: Query) => withQuery('/compare.csv', q),
  reuseCsv: (docId: string) => `/docs/${enc(docId)}/reuse.csv`,
  reuseXlsx: (docId: string) => `/docs/${enc(docId)}/reuse.xlsx`,
  compareXlsx: (q?: Query) => withQuery('/compare.xlsx', q),
  /** A reference-manager export: ris, bib (BibLaTeX) or json (CSL-JSON). */
  references: (extension: ReferenceExtension, q?: Query) => withQuery(`/references.${extension}`, q),
  search: (q?: Query) => withQuery('/search', q),
  searchXlsx: (q?: Query) => withQuery('/search.xlsx', q),
  targets: (q?: Query) => withQuery('/targets', q),
  targetsCsv: (q?: Query) => withQuery('/targets.csv', q),
  targetsXlsx: (q?: Query) => withQuery('/targets.xlsx', q),
  targetsJson: (q?: Query) => withQuery('/targets.json', q),
  /** An indicator's page: its targets, charted. */
  indicator: (id: string, q?: Query) => withQuery(`/targets/${enc(id)}`, q),
};
