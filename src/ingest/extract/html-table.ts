// Reads an HTML <table> into a rectangular grid (rowspan and colspan expanded), and tells data
// tables from tables used only to lay text out, which the block converter reads as paragraphs.

/** HTML's own caps on spans (the spec clamps colspan to 1000 and rowspan to 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export interface TableGrid {
  /** The header row; several header rows (thead, or leading all-<th> rows) merged column by column. */
  header: string[];
  rows: string[][];
}

/** The rows of this table, not of tables nested in its cells. */
export function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      rows.push(...Array.from(child.children).filter((c) => c.tagName.toLowerCase() === 'tr'));
    }
  }
  return rows;
}

export function ownCells(row: Element): Element[] {
  return Array.from(row.children).filter((c) => /^t[dh]$/iu.test(c.tagName));
}

/**
 * A table that only arranges text: one that holds another table (old sites lay whole pages out
 * in tables), one with a single column (a framed 专栏 box in Word is a one-cell table), or one
 * with a single row (a signature and its date side by side): a data table, as in the text path,
 * has a header and at least one row under it.
 */
export function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table') !== null) return true;
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return true;
  const rows = ownRows(table);
  return rows.length <= 1 || rows.every((row) => ownCells(row).length <= 1);
}

interface Placed {
  text: string;
  /** False in the columns a colspan covers beyond its first. */
  first: boolean;
}

function span(cell: Element, attr: string, max: number): number {
  const n = Number.parseInt(cell.getAttribute(attr) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Places every cell at its grid position; a rowspan repeats the cell in the rows it covers. */
function place(rows: Element[], cellText: (cell: Element) => string): Placed[][] {
  const grid: Placed[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    const line = grid[r] as Placed[];
    let c = 0;
    for (const cell of ownCells(tr)) {
      while (line[c] !== undefined) c++;
      const text = cellText(cell);
      const cols = span(cell, 'colspan', MAX_COLSPAN);
      // rowspan="0" means "to the end of the table section"; the grid's end is close enough.
      const rowsDown = cell.getAttribute('rowspan') === '0' ? rows.length - r : span(cell, 'rowspan', MAX_ROWSPAN);
      for (let dr = 0; dr < rowsDown && r + dr < rows.length; dr++) {
        const target = grid[r + dr] as Placed[];
        for (let dc = 0; dc < cols; dc++) target[c + dc] = { text, first: dc === 0 };
      }
      c += cols;
    }
  });
  return grid;
}

function isHeaderRow(row: Element): boolean {
  if (row.parentElement?.tagName.toLowerCase() === 'thead') return true;
  const cells = ownCells(row);
  return cells.length > 0 && cells.every((c) => c.tagName.toLowerCase() === 'th');
}

/** Header cells keep a colspan's text in every column it covers: each column needs its name. */
function mergeHeader(rows: Placed[][], width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of rows) {
      const text = row[c]?.text ?? '';
      if (text !== '' && parts.at(-1) !== text) parts.push(text);
    }
    return parts.join(' ');
  });
}

/**
 * Body cells: a rowspan's text is repeated in each row it covers, so every row reads on its own;
 * a colspan's text stands once, in its first column, so a full-width row does not repeat itself.
 */
function bodyRow(row: Placed[], width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const cell = row[c];
    return cell && cell.first ? cell.text : '';
  });
}

export function readGrid(table: Element, cellText: (cell: Element) => string): TableGrid {
  const rows = ownRows(table);
  const grid = place(rows, cellText);
  const width = Math.max(0, ...grid.map((r) => r.length));
  let headerCount = 0;
  while (headerCount < rows.length - 1 && isHeaderRow(rows[headerCount] as Element)) headerCount++;
  headerCount = Math.max(headerCount, Math.min(1, rows.length));
  return {
    header: mergeHeader(grid.slice(0, headerCount), width),
    rows: grid.slice(headerCount).map((r) => bodyRow(r, width)),
  };
}
