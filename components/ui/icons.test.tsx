import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as lucide from 'lucide-react';
import { describe, expect, it } from 'vitest';
import { Bell, ChevronDown, X } from './icons';

describe('the chrome’s icons (issue 17)', () => {
  it('draw exactly what lucide-react draws, with and without a class or aria-hidden', () => {
    const pairs = [
      [Bell, lucide.Bell],
      [ChevronDown, lucide.ChevronDown],
      [X, lucide.X],
    ] as const;
    for (const [ours, theirs] of pairs) {
      for (const props of [{}, { className: 'size-5' }, { className: 'size-4 rotate-180', 'aria-hidden': true }, { 'aria-hidden': true }]) {
        const html = renderToStaticMarkup(createElement(ours, props));
        expect(html).toBe(renderToStaticMarkup(createElement(theirs, props)));
        expect(html).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*aria-hidden="true"><path d="/);
      }
    }
  });
});
