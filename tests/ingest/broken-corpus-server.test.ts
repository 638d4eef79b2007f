// The real server, started on a corpus folder holding broken files next to the five plans,
// starts, serves the five plans, and names every broken file with its code on the home page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLibrary, tempDir } from '../helpers.js';
import { copyCorpus, getJson, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';

const BROKEN: Record<string, string> = {
  'empty.txt': 'FILE_EMPTY',
  'blank.txt': 'FILE_EMPTY',
  'picture.txt': 'FILE_BINARY',
  'latin1-and-junk.txt': 'FILE_UNDECODABLE',
  // Same id as the catalogued Chengdu plan (from its file name): the catalogued file keeps it.
  'chengdu-carbon-peak-2024.md': 'FILE_DUPLICATE_ID',
};

function brokenCorpus(): string {
  const dir = copyCorpus();
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'blank.txt'), '\n \t\r\n');
  fs.writeFileSync(path.join(dir, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // Not UTF-8 (0xE9 then a space) and not GB18030 either (0xFF is never a GB18030 byte).
  fs.writeFileSync(path.join(dir, 'latin1-and-junk.txt'), Buffer.concat([Buffer.from('Plan de r\u00e9duction ', 'latin1'), Buffer.from([0xff, 0xfe, 0x80])]));
  fs.copyFileSync(path.join(dir, 'chengdu-carbon-peak-2024.txt'), path.join(dir, 'chengdu-carbon-peak-2024.md'));
  return dir;
}

describe('the server on a corpus with broken files', () => {
  let server: LoggedServer | null = null;
  beforeAll(async () => {
    server = await startLoggedServer({ CORPUS_DIR: brokenCorpus(), INDEX_DIR: path.join(tempDir(), 'index') });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('starts and lists exactly the five good documents', async () => {
    const health = await getJson<{ status: string; documents: number; clauses: number }>(`${server?.url}/healthz`);
    expect(health).toMatchObject({ status: 'ok', documents: 5, clauses: realLibrary().clauseCount });
    const { docs } = await getJson<{ docs: { id: string; title: string }[] }>(`${server?.url}/api/docs`);
    expect(docs.map((d) => d.id).sort()).toEqual(
      realLibrary()
        .documents.map((d) => d.id)
        .sort(),
    );
    // The Chengdu plan is the catalogued one, with its catalogue title, not the stray copy.
    const chengdu = realLibrary().getDocument('chengdu-carbon-peak-2024');
    expect(docs.find((d) => d.id === 'chengdu-carbon-peak-2024')?.title).toBe(chengdu?.title);
  });

  it('searches the good documents', async () => {
    const result = await getJson<{ total: number; hits: { doc: string }[] }>(`${server?.url}/api/search?q=${encodeURIComponent('加氢站')}&limit=1000`);
    expect(result.total).toBeGreaterThan(0);
    expect(new Set(result.hits.map((h) => h.doc)).size).toBeGreaterThan(1);
  });

  it('names every broken file with its code on the home page and in the log', async () => {
    const res = await fetch(`${server?.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('未能载入的文件');
    for (const [file, code] of Object.entries(BROKEN)) {
      expect(html).toMatch(new RegExp(`<code>${file.replace(/\./gu, '\\.')}</code>[^<]*${code}`, 'u'));
      expect(server?.log()).toContain(`[${code}]`);
      expect(server?.log()).toContain(file);
    }
  });
});
