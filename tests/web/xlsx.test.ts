// Excel downloads read back with exceljs: typed columns (numbers as numbers, dates as dates),
// a frozen bold header row, hyperlinks to permalinks, a 说明 sheet saying when, from which query
// and which corpus, and no formula from a cell's text. CSV keeps its BOM and the same rows.
import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { tableCsv, tablesXlsx, type Table } from '../../src/present/table.js';
import { createApp } from '../../src/web/app.js';
import { realLibrary, realSearcher } from '../helpers.js';
import { column, workbookOf as readWorkbook } from './read-back.js';

const ORIGIN = 'https://policy.example.org';
const app = createApp({ library: realLibrary(), searcher: realSearcher(), today: () => '2026-11-30', publicOrigin: ORIGIN, rateLimitPerMinute: 0 });

const workbookOf = (path: string) => readWorkbook(app, path);

describe('targets.xlsx', () => {
  it('numbers are numbers, the header row is bold and frozen, permalinks are links, and 说明 names the query and corpus', async () => {
    const book = await workbookOf('/targets.xlsx?indicator=non-fossil-share');
    const sheet = book.getWorksheet('量化目标')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const csv = (await request(app).get('/targets.csv?indicator=non-fossil-share').expect(200)).text;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(sheet.rowCount - 1).toBe(csv.trim().split('\r\n').length - 1);
    const year = sheet.getRow(2).getCell(column(sheet, '目标年份')).value;
    expect(typeof year).toBe('number');
    expect(typeof sheet.getRow(2).getCell(column(sheet, '数值')).value).toBe('number');
    const link = sheet.getRow(2).getCell(column(sheet, '固定链接')).value as { hyperlink: string };
    expect(link.hyperlink).toMatch(new RegExp(`^${ORIGIN}/c/`, 'u'));
    const info = book.getWorksheet('说明')!;
    const about = Object.fromEntries(
      info
        .getSheetValues()
        .slice(2)
        .map((r) => [(r as unknown[])[1], (r as unknown[])[2]]),
    );
    expect(about).toMatchObject({ 标题: '量化目标', 检索条件: 'indicator=non-fossil-share', 生成日期: '2026-11-30', 来源地址: `${ORIGIN}/targets.xlsx?indicator=non-fossil-share` });
    expect(about['语料']).toContain(`${realLibrary().documents.length} 份文档`);
  });
});

describe('compare.xlsx and search.xlsx', () => {
  it('compare: one row per clause of every column (all pages), document dates as dates', async () => {
    const book = await workbookOf('/compare.xlsx?theme=hydrogen');
    const sheet = book.getWorksheet('并排比较')!;
    const csvRows = (await request(app).get('/compare.csv?theme=hydrogen').expect(200)).text.trim().split('\r\n').length - 1;
    expect(sheet.rowCount - 1).toBe(csvRows);
    const dates = sheet.getColumn(column(sheet, '文档日期')).values.slice(2);
    expect(dates.some((d) => d instanceof Date)).toBe(true);
  });

  it('search: every hit (not one page), with the legal pinpoint and the quoted words', async () => {
    const total = (await request(app).get('/api/search?q=碳达峰&limit=1').expect(200)).body.total as number;
    const sheet = (await workbookOf('/search.xlsx?q=碳达峰')).getWorksheet('检索结果')!;
    expect(sheet.rowCount - 1).toBe(total);
    expect(String(sheet.getRow(2).getCell(column(sheet, '条款位置')).value)).toMatch(/^(?:第|前言|序言|印发通知|专栏|附件|「)/u);
    expect((await request(app).get('/search.xlsx').expect(400)).text).toContain('PARAM_INVALID');
  });

  it('the citation graph: one row per citing clause of every cited policy', async () => {
    const sheet = (await workbookOf('/policies.xlsx')).getWorksheet('引用关系')!;
    const expected = realLibrary().enrichment.policies.reduce((n, p) => n + p.citedBy.reduce((m, c) => m + c.clauseIds.length, 0), 0);
    expect(sheet.rowCount - 1).toBe(expected);
  });
});

describe('no formula injection', () => {
  it('a cell that starts like a formula is text in Excel and quoted in CSV', async () => {
    const table: Table = { name: 't', columns: [{ header: 'a', kind: 'text' }], rows: [['=HYPERLINK("http://evil.example","x")'], ['+1+1'], ['@SUM(A1)']] };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tablesXlsx([table], { title: 't', query: '', corpus: '', address: '', generated: '2026-11-30' })) as never);
    const cells = book.getWorksheet('t')!.getColumn(1).values.slice(2);
    expect(cells).toEqual(['=HYPERLINK("http://evil.example","x")', '+1+1', '@SUM(A1)']);
    for (const row of [2, 3, 4]) expect(book.getWorksheet('t')!.getRow(row).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(tableCsv(table)).toBe('\uFEFFa\r\n"\'=HYPERLINK(""http://evil.example"",""x"")"\r\n\'+1+1\r\n\'@SUM(A1)\r\n');
  });
});
