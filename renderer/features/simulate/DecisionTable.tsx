import type { DecisionRecord, PackSource } from '../../../shared/model';
import type { Scenario } from '../../../shared/simulate/scenario-types';
import { ItemText } from './ItemText';
import { spokenDuration } from './format-duration';

/** Every decision of a run: where, the right step, what was chosen, the time, the hints, and the result in words. */
export function DecisionTable({ pack, scenario, decisions }: { pack: PackSource; scenario: Scenario; decisions: readonly DecisionRecord[] }) {
  return (
    <table className="data-table decision-table">
      <caption className="visually-hidden">Each decision: the right step, yours, the time it took and the hints opened</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{scenario.kind === 'tree' ? 'At' : 'After'}</th>
          <th scope="col">Right step</th>
          <th scope="col">Yours</th>
          <th scope="col" className="numeric">
            Time
          </th>
          <th scope="col">Hints</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((decision, index) => (
          <tr key={decision.step} className={decision.correct ? 'decision-row-right' : 'decision-row-wrong'}>
            <td>{index + 1}</td>
            <td>{decision.at === undefined ? <span className="muted">start</span> : <ItemText pack={pack} id={decision.at} />}</td>
            <td>
              <ItemText pack={pack} id={decision.answer} />
            </td>
            <td className="decision-yours-cell">
              <span className="decision-result">{decision.correct ? '✓ right' : decision.late ? '✗ too late' : '✗ missed'}</span>
              {!decision.correct ? (
                <span className="decision-yours">
                  {decision.chosen !== undefined ? <ItemText pack={pack} id={decision.chosen} /> : decision.typed?.trim() ? `“${decision.typed.trim()}”` : 'no answer'}
                </span>
              ) : null}
            </td>
            <td className="numeric">{spokenDuration(decision.durationMs)}</td>
            <td>{decision.hints.length === 0 ? 'none' : decision.hints.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The why of every missed decision (where the pack gives one). */
export function MissedWhys({ pack, scenario, decisions }: { pack: PackSource; scenario: Scenario; decisions: readonly DecisionRecord[] }) {
  const misses = decisions.filter((decision) => !decision.correct);
  if (misses.length === 0) return <p>No misses: every decision was right.</p>;
  return (
    <ul className="missed-whys">
      {misses.map((decision) => {
        const why = scenario.steps[decision.step]?.why;
        return (
          <li key={decision.step}>
            <ItemText pack={pack} id={decision.answer} />
            {why ? <span className="missed-why"> — {why}</span> : <span className="muted"> — the pack gives no reason for this step.</span>}
          </li>
        );
      })}
    </ul>
  );
}
