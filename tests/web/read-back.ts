// Readers the export tests share: a workbook download loaded back through exceljs, and the CSL
// items citation-js reads from an export (RIS, BibLaTeX or CSL-JSON).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';

export interface CslItem {
  id: string;
  title: string;
  author?: { literal?: string; family?: string }[];
  number?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  section?: string;
  abstract?: string;
}

export const asCsl = (text: string, format: string): CslItem[] => new Cite(text, { forceType: format }).data as CslItem[];

/** A corporate author as citation-js reads it back: a literal, or a family name with no given name. */
export const authorName = (a: { literal?: string; family?: string } | undefined) => a?.literal ?? a?.family ?? null;

export async function workbookOf(app: Express, path: string): Promise<ExcelJS.Workbook> {
  const res = await request(app)
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as never);
  return book;
}

export const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
export const column = (sheet: ExcelJS.Worksheet, header: string) => headers(sheet).indexOf(header) + 1;
