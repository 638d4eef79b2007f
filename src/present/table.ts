// A download as plain typed data (columns with a kind, rows of cells) that both the CSV and the
// Excel writer render, so the two never differ in content. CSV: RFC 4180 with a UTF-8 BOM so
// Excel reads the Chinese; a leading = + - @ quoted so no cell runs as a formula. XLSX (exceljs):
// numbers as numbers, full dates as dates, links as hyperlinks, a frozen header row, and a sheet
// saying when, from which query and which corpus it was made.
import ExcelJS from 'exceljs';
import { formatNumber } from '../enrich/units.js';

export type CellKind = 'text' | 'number' | 'date' | 'link';
export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  kind: CellKind;
  /** Characters wide in Excel. */
  width?: number;
}

export interface Table {
  /** The sheet's name (at most 31 characters in Excel). */
  name: string;
  columns: TableColumn[];
  rows: Cell[][];
}

/** What the workbook says about itself on its 说明 sheet. */
export interface TableAbout {
  title: string;
  /** The query, theme or filters that chose the rows, as the user gave them. */
  query: string;
  /** The library: its size and where it was loaded from. */
  corpus: string;
  /** The address this download came from (absolute under PUBLIC_ORIGIN). */
  address: string;
  generated: string;
}

/** Columns from [header, kind, width] triples: the tables' definitions stay one line per column. */
export function columnsOf(spec: [string, CellKind, number?][]): TableColumn[] {
  return spec.map(([header, kind, width]) => ({ header, kind, ...(width ? { width } : {}) }));
}

const cellText = (v: Cell) => (v === null ? '' : typeof v === 'number' ? formatNumber(v) : v);

/** RFC 4180 CSV with a BOM; a cell that would start a formula is prefixed with '. */
export function toCsv(rows: string[][]): string {
  const cell = (raw: string) => {
    const v = /^[=+\-@\t\r]/u.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function tableCsv(table: Table): string {
  return toCsv([table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(cellText))]);
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/u;

function xlsxValue(value: Cell, kind: CellKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'number' && typeof value === 'number') return value;
  if (kind === 'date' && typeof value === 'string' && FULL_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  if (kind === 'link' && typeof value === 'string' && /^https?:\/\//u.test(value)) return { text: value, hyperlink: value };
  // Strings stay strings: exceljs writes them as text, never as formulas, whatever they start with.
  return String(value);
}

/** A workbook of the tables, each with a bold frozen header row, then the 说明 sheet. */
export async function tablesXlsx(tables: Table[], about: TableAbout): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(`${about.generated}T00:00:00Z`);
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? (c.kind === 'text' ? 24 : 14) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v, i) => xlsxValue(v, table.columns[i]?.kind ?? 'text')));
    table.columns.forEach((c, i) => {
      if (c.kind === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  const info = book.addWorksheet('说明');
  info.columns = [
    { header: '项目', width: 12 },
    { header: '内容', width: 80 },
  ];
  info.getRow(1).font = { bold: true };
  for (const [k, v] of [
    ['标题', about.title],
    ['检索条件', about.query],
    ['语料', about.corpus],
    ['来源地址', about.address],
    ['生成日期', about.generated],
  ] as const) {
    info.addRow([k, v]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
