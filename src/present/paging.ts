// One page of a list: every paged page (/docs, /policies, /targets and its indicators, the
// columns of /compare, /themes and /themes/<id>) cuts its list here, so past-the-end pages show
// the last one and an empty list is one empty page everywhere.

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the last page. */
  page: number;
  pages: number;
  /** Index in the whole list of the page's first item. */
  offset: number;
}

/** The asked page of `items`, `size` to a page; page 1 when none is asked. */
export function paginate<T>(items: readonly T[], options: { page: number | undefined; size: number }): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / options.size));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const offset = (page - 1) * options.size;
  return { items: items.slice(offset, offset + options.size), page, pages, offset };
}
