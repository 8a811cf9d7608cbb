/**
 * The one place the chart turns an item into the text it shows (and sizes its box by).
 * Imported text is plain text: it is put in the DOM as a text node, never as HTML.
 */
import type { ItemSource } from '../../../../shared/model';
import { itemPlainText } from '../../../../shared/text/inline-text';

/** The text the chart shows for `item`: its plain reading, on one line. */
export function chartText(item: Pick<ItemSource, 'text'>): string {
  return itemPlainText(item).replace(/\s+/g, ' ').trim();
}

/** What kind of node an item is, in words (shown on its box and in the chart's list: shape and colour are not the only cue). */
export function kindLabel(item: Pick<ItemSource, 'kind' | 'outcome'>): string {
  switch (item.kind) {
    case 'decision':
    case 'question':
      return 'Question';
    case 'action':
      return 'Action';
    case 'step':
      return 'Step';
    case 'outcome':
      return item.outcome === 'fail' ? 'Outcome · failed' : item.outcome === 'ok' ? 'Outcome · resolved' : 'Outcome';
  }
}
