import { IMPORT_LIMITS } from '../../../shared/import/limits';
import { formatBytes } from '../../platform/format-bytes';
import { Icon } from '../../app/ui/Icon';

/**
 * Shown while files are dragged over the window. Mouse only by nature: the
 * Import files… button does the same from the keyboard, and says so here.
 */
export function DropOverlay() {
  return (
    <div className="drop-overlay" role="status">
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
