import type { ImportDiff } from '../../../shared/library/plan-import';
import { itemInline } from '../../../shared/text/inline-text';
import { InlineText } from '../../app/ui/InlineText';

/** Most items listed per group; a rewrite of a long runbook is summarised past this. */
const MAX_LISTED = 50;

function Overflow({ total }: { total: number }) {
  return total > MAX_LISTED ? <li className="muted">…and {total - MAX_LISTED} more</li> : null;
}

/** What a re-import changes: added, changed (before → after) and retired items, and how many stay as they are. */
export function DiffView({ diff }: { diff: ImportDiff }) {
  const { added, changed, retired, unchanged } = diff;
  const nothing = added.length + changed.length + retired.length === 0;
  return (
    <section className="diff" aria-label="Changes since the last import">
      <h4>Changes since the last import</h4>
      <p className="diff-summary">
        <span className="diff-count diff-added">{added.length} added</span>
        <span className="diff-count diff-changed">{changed.length} changed</span>
        <span className="diff-count diff-retired">{retired.length} retired</span>
        <span className="diff-count">{unchanged} unchanged</span>
      </p>
      <p className="muted">
        {nothing
          ? 'The file has the same items as last time. Importing it again keeps everything as it is.'
          : 'Your practice history is kept: every answer stays with its item. Changed items come up again soon; retired items are not deleted — their cards are suspended, and return if the item comes back.'}
      </p>
      {added.length > 0 ? (
        <div className="diff-group">
          <h5>Added ({added.length})</h5>
          <ul className="diff-list">
            {added.slice(0, MAX_LISTED).map((item) => (
              <li key={item.key} className="diff-item diff-item-added">
                <span className="diff-mark" aria-hidden="true">+</span>
                <InlineText tree={itemInline(item)} />
              </li>
            ))}
            <Overflow total={added.length} />
          </ul>
        </div>
      ) : null}
      {changed.length > 0 ? (
        <div className="diff-group">
          <h5>Changed ({changed.length})</h5>
          <ul className="diff-list">
            {changed.slice(0, MAX_LISTED).map(({ before, after }) => (
              <li key={after.key} className="diff-item diff-item-changed">
                <span className="diff-mark" aria-hidden="true">~</span>
                <span className="diff-change">
                  <span className="diff-before">
                    <span className="visually-hidden">Before: </span>
                    <InlineText tree={itemInline(before)} />
                  </span>
                  <span className="diff-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="diff-after">
                    <span className="visually-hidden">After: </span>
                    <InlineText tree={itemInline(after)} />
                  </span>
                </span>
              </li>
            ))}
            <Overflow total={changed.length} />
          </ul>
        </div>
      ) : null}
      {retired.length > 0 ? (
        <div className="diff-group">
          <h5>Retired ({retired.length})</h5>
          <ul className="diff-list">
            {retired.slice(0, MAX_LISTED).map((item) => (
              <li key={item.key} className="diff-item diff-item-retired">
                <span className="diff-mark" aria-hidden="true">−</span>
                <InlineText tree={itemInline(item)} />
              </li>
            ))}
            <Overflow total={retired.length} />
          </ul>
        </div>
      ) : null}
    </section>
  );
}
