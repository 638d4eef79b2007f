// The one paging helper every paged page uses: pages cover the list once, in order; a page past
// the end (or before the start) is the nearest real one; an empty list is one empty page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/present/paging.js';

describe('paginate', () => {
  it('property: the pages hold every item once, in order, and clamp out-of-range pages', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 400 }), (items, size, asked) => {
        const first = paginate(items, { page: 1, size });
        expect(first.pages).toBe(Math.max(1, Math.ceil(items.length / size)));
        const all = Array.from({ length: first.pages }, (_, i) => paginate(items, { page: i + 1, size }));
        expect(all.flatMap((p) => p.items)).toEqual(items);
        all.forEach((p, i) => expect(p.offset).toBe(i * size));
        const clamped = paginate(items, { page: asked, size });
        expect(clamped.page).toBe(Math.min(Math.max(1, asked), first.pages));
        expect(clamped.items).toEqual(all[clamped.page - 1]?.items);
      }),
    );
  });

  it('no page asked is page 1; an empty list is one empty page', () => {
    expect(paginate([1, 2, 3], { page: undefined, size: 2 })).toEqual({ items: [1, 2], page: 1, pages: 2, offset: 0 });
    expect(paginate([], { page: 3, size: 10 })).toEqual({ items: [], page: 1, pages: 1, offset: 0 });
  });
});
