import type { PackKind } from '../../../../shared/model';

/** What the debrief's marks mean: line style and words, so colour is never the only cue. */
export function ChartLegend({ kind }: { kind: PackKind }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {kind === 'tree' ? (
        <>
          <li>
            <span className="chart-legend-line is-path" aria-hidden="true" /> right path (solid)
          </li>
          <li>
            <span className="chart-legend-line is-wrong" aria-hidden="true" /> your wrong turn (dashed)
          </li>
        </>
      ) : (
        <li>
          <span className="chart-badge is-shown">shown done</span> a step shown as done
        </li>
      )}
      <li>
        <span className="chart-badge chart-badge-decision is-right">
          <span className="chart-badge-number">1</span>✓ right
        </span>{' '}
        {kind === 'tree' ? 'a decision on the right path: its number, right or wrong' : 'a decision: its number, right or wrong'}
      </li>
      <li>
        <span className="chart-badge is-wrong">
          <span className="chart-badge-number">1</span>✗ you chose this
        </span>{' '}
        chosen instead of the answer at that decision
      </li>
    </ul>
  );
}
