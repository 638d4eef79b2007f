// The one URL builder (src/present/urls.ts): what it builds, and that templates and code use it
// instead of writing the site's paths by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { urls } from '../../src/present/urls.js';

const files = (dir: string, ext: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : []));

describe('urls', () => {
  it('encodes ids and parameters, keeps their order and leaves empty ones out', () => {
    expect(urls.doc('a b/c')).toBe('/docs/a%20b%2Fc');
    expect(urls.doc('chengdu', { hl: '碳|氢能', anchor: 'part_1' })).toBe('/docs/chengdu?hl=%E7%A2%B3%7C%E6%B0%A2%E8%83%BD#part_1');
    expect(urls.clause('x.part_1')).toBe('/c/x.part_1');
    expect(urls.compare({ theme: 'hydrogen', docs: 'a,b' })).toBe('/compare?theme=hydrogen&docs=a%2Cb');
    expect(urls.compare({ theme: 'hydrogen', docs: '' })).toBe('/compare?theme=hydrogen');
    expect(urls.search({ q: '"海绵城市"', doc: 'd' })).toBe('/search?q=%22%E6%B5%B7%E7%BB%B5%E5%9F%8E%E5%B8%82%22&doc=d');
    expect(urls.targets('sort=year')).toBe('/targets?sort=year');
    expect(urls.targets('')).toBe('/targets');
    expect(urls.indicator('non-fossil-share')).toBe('/targets/non-fossil-share');
  });

  it('no template writes one of the site’s paths by hand (static files and in-page anchors aside)', () => {
    const handWritten = files(path.join(PROJECT_ROOT, 'views'), '.ejs').flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/(?:href|action)="(\/(?!static\/)[^"]*)"/gu)].map((m) => `${path.basename(f)}: ${m[1]}`));
    expect(handWritten).toEqual([]);
  });

  it('no web or CLI code writes a page path in a template literal or string', () => {
    const pagePath = /[`'](\/(?:c|docs|themes|targets|compare|search|policies)\b[^`']*)[`']/gu;
    const found = [...files(path.join(PROJECT_ROOT, 'src', 'web'), '.ts'), ...files(path.join(PROJECT_ROOT, 'src', 'present'), '.ts'), ...files(path.join(PROJECT_ROOT, 'src', 'cli'), '.ts')]
      .filter((f) => !f.endsWith(`${path.sep}urls.ts`))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          // Route declarations name their paths: that is where a path is defined, not linked to.
          .filter((line) => !/router\.(?:get|use)\(|app\.(?:get|use)\(/u.test(line))
          .flatMap((line) => [...line.matchAll(pagePath)].map((m) => `${path.relative(PROJECT_ROOT, f)}: ${m[1]}`)),
      );
    expect(found).toEqual([]);
  });
});
