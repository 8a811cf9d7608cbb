import { EmptyState } from '../../app/ui/EmptyState';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import { INDEPENDENCE_LADDER } from './independence-ladder';

export function ProgressScreen() {
  return (
    <>
      <ScreenHeader title="Progress" lead="How close you are to doing each procedure unaided." />
      <EmptyState icon="progress" title="No progress to show yet">
        <p>
          Once you practise a pack, Kata places it on the independence ladder below — from your own answers, their
          speed and your simulations — and says what would move it up.
        </p>
        <div className="actions">
          <a className="button button-primary" href="#/library">
            Go to the Library
          </a>
        </div>
      </EmptyState>
      <section className="panel" aria-labelledby="ladder-heading">
        <h2 id="ladder-heading">The independence ladder</h2>
        <ol className="ladder">
          {INDEPENDENCE_LADDER.map((rung) => (
            <li key={rung.level}>
              <span className="ladder-level" aria-hidden="true">
                {rung.level}
              </span>
              <div>
                <h3>
                  <span className="visually-hidden">Level {rung.level}: </span>
                  {rung.name}
                </h3>
                <p>{rung.meaning}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
