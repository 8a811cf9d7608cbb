import { EmptyState } from '../../app/ui/EmptyState';
import { ScreenHeader } from '../../app/ui/ScreenHeader';

const STEPS: readonly { title: string; text: string }[] = [
  { title: 'A situation', text: 'Kata picks a path through the tree — rare branches and the ones you recall least, more often.' },
  { title: 'Your call', text: 'You choose what to check or do next, against the clock. A wrong choice is shown and corrected.' },
  { title: 'The debrief', text: 'Your path beside the right one, the time per decision, and the reason for each miss.' },
];

export function SimulateScreen() {
  return (
    <>
      <ScreenHeader title="Simulate" lead="Walk through the incidents that rarely happen for real." />
      <EmptyState icon="simulate" title="No scenarios to walk yet">
        <p>
          Import a decision tree — a Mermaid flowchart or a Kata YAML tree — or a checklist, and its scenarios
          appear here.
        </p>
        <div className="actions">
          <a className="button button-primary" href="#/library">
            Go to the Library
          </a>
        </div>
      </EmptyState>
      <section className="panel" aria-labelledby="simulate-how-heading">
        <h2 id="simulate-how-heading">How a simulation goes</h2>
        <ol className="step-cards">
          {STEPS.map((step) => (
            <li key={step.title}>
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
