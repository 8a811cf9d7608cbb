import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { PackRecord } from '../../../shared/model';
import { ModalDialog } from './ModalDialog';
import { plural } from './plan-summary';

const CONFIRM_WORD = 'delete';

/**
 * Deleting a pack deletes its practice history with it, and cannot be undone:
 * the dialog says so plainly, offers archiving instead, and asks for the word
 * "delete" to be typed before the button works.
 */
export function DeletePackDialog({
  pack,
  countHistory,
  onDelete,
  onArchive,
  onClose,
}: {
  pack: PackRecord;
  countHistory: (id: string) => Promise<number>;
  onDelete: () => void;
  onArchive: () => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [answers, setAnswers] = useState<number | undefined>();
  const ids = { text: useId(), input: useId() };
  const confirmed = typed.trim().toLowerCase() === CONFIRM_WORD;

  useEffect(() => {
    let live = true;
    countHistory(pack.id).then(
      (count) => live && setAnswers(count),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [countHistory, pack.id]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (confirmed) onDelete();
  };

  const recorded =
    answers === undefined ? '' : answers === 0 ? ' No answers are recorded yet.' : ` That is ${plural(answers, 'answer')} recorded so far.`;

  return (
    <ModalDialog title={`Delete “${pack.title}”?`} onClose={onClose} className="delete-dialog" describedBy={ids.text}>
      <form className="modal-body" onSubmit={submit}>
        <div id={ids.text} className="delete-warning">
          <p>
            This deletes the pack ({plural(pack.itemCount, 'item')}, {plural(pack.cardCount, 'card')}) and all its practice
            history: answers, simulation attempts and self-assessments.{recorded} <strong>It cannot be undone.</strong>
          </p>
          {pack.status === 'active' ? (
            <p className="muted">To stop practising it but keep the history, archive it instead.</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.input}>
            Type <kbd>{CONFIRM_WORD}</kbd> to confirm
          </label>
          <input
            id={ids.input}
            type="text"
            className="text-input"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-autofocus
          />
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {pack.status === 'active' ? (
            <button type="button" className="button" onClick={onArchive}>
              Archive instead
            </button>
          ) : null}
          <button type="submit" className="button button-danger" disabled={!confirmed}>
            Delete pack and history
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
