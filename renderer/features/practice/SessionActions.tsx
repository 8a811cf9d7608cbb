import { useAppServices } from '../../app/app-services';
import type { Session } from '../../state/practice/practice-session';

/** Undo, bury, suspend, end: the same as their keys, for the pointer and for discovery. */
export function SessionActions({ session }: { session: Session }) {
  const { practiceStore } = useAppServices();
  const actions = practiceStore.getState;
  const canUndo = session.undoDepth > 0 || session.phase.name === 'feedback';
  return (
    <div className="session-actions" role="group" aria-label="Card actions">
      <button type="button" className="button button-small" onClick={() => void actions().undo()} disabled={session.busy || !canUndo} aria-keyshortcuts="U Control+Z">
        Undo <kbd aria-hidden="true">U</kbd>
      </button>
      <button type="button" className="button button-small" onClick={() => void actions().bury()} disabled={session.busy} aria-keyshortcuts="-">
        Bury until tomorrow <kbd aria-hidden="true">-</kbd>
      </button>
      <button type="button" className="button button-small" onClick={() => void actions().suspend()} disabled={session.busy} aria-keyshortcuts="!">
        Suspend <kbd aria-hidden="true">!</kbd>
      </button>
      <button type="button" className="button button-small session-end" onClick={() => actions().end()} disabled={session.busy} aria-keyshortcuts="Escape">
        End session <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}
