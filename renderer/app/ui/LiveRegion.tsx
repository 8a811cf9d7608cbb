import { memo } from 'react';
/**
 * Where a screen speaks to screen readers: each announcement replaces
 * the node inside the region (keyed by id), so even a repeated text is read again.
 */
// Memoised: a screen re-renders on every card or step, this part only when its props change.
export const LiveRegion = memo(function LiveRegion({ id, text }: { id: number; text: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      <span key={id}>{text}</span>
    </div>
  );
});
