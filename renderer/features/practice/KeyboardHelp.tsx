import { memo } from 'react';
const KEYS: readonly { keys: string[]; does: string }[] = [
  { keys: ['Space', 'Enter'], does: 'show the answer, or continue' },
  { keys: ['1', '2', '3', '4'], does: 'grade Again, Hard, Good, Easy — or pick option 1–4' },
  { keys: ['U', 'Ctrl+Z'], does: 'undo the last answer (again for more)' },
  { keys: ['-'], does: 'bury the card until the next study day' },
  { keys: ['!'], does: 'suspend the card' },
  { keys: ['S'], does: 'show where the card comes from' },
  { keys: ['Esc'], does: 'end the session (answers are already saved)' },
  { keys: ['↑', '↓', 'Alt+↑', 'Alt+↓'], does: 'in an order drill: choose a step, move it' },
];

/** The practice keys, always on screen. While an answer field has focus, keys type; Tab leaves it. */
// Memoised: the practice screen re-renders on every card, this part only when its props change.
export const KeyboardHelp = memo(function KeyboardHelp() {
  return (
    <section className="panel practice-keys" aria-labelledby="practice-keys-heading">
      <h2 id="practice-keys-heading">Keyboard</h2>
      <dl className="key-list">
        {KEYS.map((entry) => (
          <div key={entry.does}>
            <dt>
              {entry.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? ' ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{entry.does}</dd>
          </div>
        ))}
      </dl>
      <p className="muted practice-keys-note">In an answer field the keys type: Enter checks the answer.</p>
    </section>
  );
});
