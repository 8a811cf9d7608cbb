/**
 * Finds whatever is cut off sideways on the page as it is shown, without a list
 * of selectors to keep up to date:
 *
 * - the page itself scrolls sideways;
 * - a box's content is wider than the box (scrollWidth > clientWidth), unless the
 *   box scrolls sideways on purpose: it scrolls (overflow-x auto or scroll) and its
 *   lines do not wrap (white-space pre or nowrap), like a source excerpt. A box that
 *   scrolls only to show more below computes overflow-x: auto too, so scrolling
 *   alone is no excuse;
 * - a piece of text reaches past an ancestor that clips it (overflow-x hidden or
 *   clip), or past the window's edges, without a scrolling box in between.
 *
 * Text that is hidden on purpose (the 1px "visually hidden" boxes for screen
 * readers), form fields (whose text scrolls inside them) and canvases that pan and
 * zoom (marked `data-canvas`: their drawing is larger than the box by design) are
 * left out.
 */
import type { Page } from 'playwright-core';

/** One line per problem found (empty: nothing is cut off). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const viewportWidth = root.clientWidth;
    // One pixel of slack: sub-pixel layout rounds scroll sizes up.
    const SLACK = 1;

    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `${el.tagName.toLowerCase()}${id}${classes}${text ? ` “${text}”` : ''}`;
    };

    /** Hidden on purpose: not rendered, or inside a screen-reader-only box (1px, clipped). */
    const hiddenOnPurpose = (el: Element): boolean => {
      if (el.closest('[data-canvas]')) return true;
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
        const rect = node.getBoundingClientRect();
        if (rect.width <= 1 && rect.height <= 1 && style.overflow !== 'visible') return true;
      }
      return false;
    };

    const scrollsSideways = (style: CSSStyleDeclaration): boolean => style.overflowX === 'auto' || style.overflowX === 'scroll';
    const keepsLines = (style: CSSStyleDeclaration): boolean => style.textWrapMode === 'nowrap' || /^(pre|nowrap)$/.test(style.whiteSpace);
    const clipsSideways = (style: CSSStyleDeclaration): boolean => style.overflowX === 'hidden' || style.overflowX === 'clip';

    if (root.scrollWidth > viewportWidth + SLACK) {
      problems.push(`the page scrolls sideways: ${root.scrollWidth}px of content in ${viewportWidth}px`);
    }

    // 1. Boxes whose content is wider than they are.
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement)) continue;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || (scrollsSideways(style) && keepsLines(style))) continue;
      if (el.scrollWidth <= el.clientWidth + SLACK || el.clientWidth === 0) continue;
      if (hiddenOnPurpose(el)) continue;
      problems.push(`${describe(el)}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box (overflow-x: ${style.overflowX})`);
    }

    // 2. Text that reaches past what clips it: a clipping ancestor, or the window. Text in a
    //    box that scrolls can be scrolled to (and 1. says whether that box may scroll sideways).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const reported = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || reported.has(parent)) continue;
      if (parent.closest('script, style, noscript, textarea, select, option')) continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      if (rects.length === 0 || hiddenOnPurpose(parent)) continue;
      const left = Math.min(...rects.map((rect) => rect.left));
      const right = Math.max(...rects.map((rect) => rect.right));

      let clippedBy: string | undefined;
      let scrolls = false;
      for (let ancestor = parent; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement as HTMLElement) {
        const style = getComputedStyle(ancestor);
        if (scrollsSideways(style)) {
          scrolls = true;
          break;
        }
        if (!clipsSideways(style)) continue;
        const box = ancestor.getBoundingClientRect();
        const innerLeft = box.left + ancestor.clientLeft;
        const innerRight = innerLeft + ancestor.clientWidth;
        if (left < innerLeft - SLACK || right > innerRight + SLACK) {
          clippedBy = describe(ancestor);
          break;
        }
      }
      if (clippedBy) {
        problems.push(`text “${node.textContent.trim().slice(0, 60)}” is cut off by ${clippedBy}`);
        reported.add(parent);
      } else if (!scrolls && (left < -SLACK || right > viewportWidth + SLACK)) {
        problems.push(`text “${node.textContent.trim().slice(0, 60)}” runs past the window (${Math.round(left)}–${Math.round(right)}px of ${viewportWidth}px)`);
        reported.add(parent);
      }
    }
    return problems;
  });
}
