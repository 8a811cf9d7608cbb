import { useEffect, useRef } from 'react';
import { IMPORT_LIMITS } from '../../../shared/import/limits';
import { formatBytes } from '../../platform/format-bytes';
import { Icon } from '../../app/ui/Icon';

/**
 * Shown while files are dragged over the window. Mouse only by nature: the
 * Import files… button does the same from the keyboard, and says so here.
 * A popover, so it sits in the top layer above an open import review (a modal
 * dialog, which any z-index stays below): dropping there starts a new review.
 */
export function DropOverlay() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const overlay = ref.current;
    overlay?.showPopover();
    return () => {
      if (overlay?.matches(':popover-open')) overlay.hidePopover();
    };
  }, []);

  return (
    <div ref={ref} className="drop-overlay" role="status" popover="manual">
      <div className="drop-overlay-box">
        <Icon name="import" size={40} />
        <p className="drop-overlay-title">Drop files to import them</p>
        <p className="muted">
          Markdown, Mermaid, YAML, JSON or CSV, up to {formatBytes(IMPORT_LIMITS.maxFileBytes)} each. You see a preview
          before anything is saved.
        </p>
      </div>
    </div>
  );
}
