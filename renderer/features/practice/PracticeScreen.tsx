import { useSettings } from '../../app/app-services';
import { EmptyState } from '../../app/ui/EmptyState';
import { ScreenHeader } from '../../app/ui/ScreenHeader';

const SESSION_KEYS: readonly { keys: string[]; does: string }[] = [
  { keys: ['Space', 'Enter'], does: 'reveal the answer' },
  { keys: ['1', '2', '3', '4'], does: 'grade: Again, Hard, Good, Easy' },
  { keys: ['U'], does: 'undo the last answer' },
  { keys: ['-'], does: 'bury a card until tomorrow' },
  { keys: ['!'], does: 'suspend a card' },
];

export function PracticeScreen() {
  const newCards = useSettings((state) => state.values.newCardsPerDay);
  const reviews = useSettings((state) => state.values.maxReviewsPerDay);

  return (
    <>
      <ScreenHeader title="Practice" lead="Today's drills: each step recalled just before you would forget it." />
      <EmptyState icon="practice" title="Nothing to practise yet">
        <p>Import a checklist, then your daily drills appear here.</p>
        <p className="muted">
          Each day brings up to {newCards} new cards and {reviews} reviews. You can change both in{' '}
          <a href="#/settings">Settings</a>.
        </p>
        <div className="actions">
          <a className="button button-primary" href="#/library">
            Go to the Library
          </a>
        </div>
      </EmptyState>
      <section className="panel" aria-labelledby="practice-keys-heading">
        <h2 id="practice-keys-heading">Practise from the keyboard</h2>
        <dl className="key-list">
          {SESSION_KEYS.map((entry) => (
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
      </section>
    </>
  );
}
