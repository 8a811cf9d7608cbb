import type { ImportPhase, ImportProgress as Progress } from '../../state/library/import-session';

const PHASE_LABELS: Record<ImportPhase, string> = {
  reading: 'Reading',
  parsing: 'Parsing',
  planning: 'Planning',
  writing: 'Saving',
};

/** Where a long import is: "Parsing file 3 of 24: runbook.md", and a bar. */
export function ImportProgress({ progress }: { progress: Progress }) {
  const label = `${PHASE_LABELS[progress.phase]} file ${progress.index + 1} of ${progress.total}`;
  return (
    <div className="import-progress">
      <p className="import-progress-label">
        {label}: <span className="mono">{progress.fileName}</span>
      </p>
      <progress max={progress.total} value={progress.index} aria-label={label} />
    </div>
  );
}
