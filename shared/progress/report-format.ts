/**
 * The progress report for a mentor, as Markdown (to read or paste) and CSV (one row per pack,
 * to compare over time): the same ProgressReport the Progress screen shows, in the words it uses.
 * Dates are ISO (`2026-12-03`), so a report reads the same wherever it is opened.
 */
import type { PackProgress, ProgressReport } from './progress-report';
import type { RetentionRow } from './retention-table';

const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);
const pct = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`);
const secs = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const num = (value: number | null, digits = 2): string => (value === null ? '—' : value.toFixed(digits));

function projectionText(pack: PackProgress): string {
  const p = pack.projection;
  if (p.kind === 'reached') return `reached since ${isoDate(p.since)}`;
  if (p.kind === 'date') return `at this pace: ${isoDate(p.at)}`;
  return p.reason;
}

function retentionLines(rows: readonly RetentionRow[]): string[] {
  const cell = (c: RetentionRow['young']): string => `${c.pass} / ${c.fail} · ${pct(c.retention)}`;
  return [
    '| Period | Young (pass / fail · retention) | Mature | All |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.label} | ${cell(row.young)} | ${cell(row.mature)} | ${cell(row.total)} |`),
  ];
}

/** Escapes what would end a Markdown table cell or start markup: imported titles are text. */
function mdText(text: string): string {
  // A line break (an imported title may hold one) would end the table row.
  return text.replace(/[\\`*_[\]|<>#]/g, (ch) => `\\${ch}`).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/** The report as Markdown. */
export function reportMarkdown(report: ProgressReport): string {
  const lines: string[] = [`# Kata progress report`, '', `Generated ${isoDate(report.generatedAt)}. Practice streak: ${report.streak} ${report.streak === 1 ? 'day' : 'days'}.`, ''];
  lines.push('## Packs', '', '| Pack | Level | Alone tonight? | Recall | Drill accuracy | Unaided simulations | Self-rating |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const pack of report.packs) {
    lines.push(
      `| ${mdText(pack.title)} | ${pack.placement.level} ${pack.placement.name} | ${pack.tonight.answer} | ${pct(pack.recall.studiedRetrievability)} | ${pct(pack.accuracy.drill.share)} | ${pack.independence.successes} of ${pack.independence.recent} | ${pack.selfRating ? pack.selfRating.level : '—'} |`,
    );
  }
  for (const pack of report.packs) {
    lines.push('', `### ${mdText(pack.title)}`, '', `**Level ${pack.placement.level}, ${pack.placement.name}.** ${pack.placement.why}`);
    if (pack.placement.next) lines.push('', `Next: ${pack.placement.next}`);
    lines.push('', `Could I do this alone tonight? **${pack.tonight.answer}**. ${pack.tonight.evidence.join(' ')}`);
    lines.push(
      '',
      `- Recall now: ${pct(pack.recall.meanRetrievability)} of all cards (${pct(pack.recall.studiedRetrievability)} of those studied); mature: ${pct(pack.recall.matureShare)}`,
      `- Recent accuracy: drills ${pct(pack.accuracy.drill.share)} of ${pack.accuracy.drill.answers}, simulations ${pct(pack.accuracy.simulation.share)} of ${pack.accuracy.simulation.answers} decisions`,
      `- Automaticity: median ${secs(pack.automaticity.medianMs)} (first week ${secs(pack.automaticity.firstWeekMedianMs)}), CV ${num(pack.automaticity.cv)} (first week ${num(pack.automaticity.firstWeekCv)})`,
      `- Independence: ${pack.independence.successes} of the last ${pack.independence.recent} simulations right, unaided and in time, on ${pack.independence.days} ${pack.independence.days === 1 ? 'day' : 'days'}`,
      `- Confidence: Brier ${num(pack.calibration.brier)} over ${pack.calibration.n} rated simulations`,
      `- Target: ${pack.target ? `level ${pack.target.level} by ${isoDate(pack.target.by)}` : 'none set'}; ${projectionText(pack)}`,
    );
  }
  lines.push('', '## True retention (drills)', '', ...retentionLines(report.retention.drill));
  lines.push('', '## True retention (simulations)', '', ...retentionLines(report.retention.simulation));
  const s = report.scheduler;
  lines.push(
    '',
    '## Calibration',
    '',
    `- Your confidence before simulations: Brier ${num(report.person.brier)} over ${report.person.n}; ${report.person.overconfidence === null ? 'no ratings yet' : report.person.overconfidence > 0 ? `over-confident by ${pct(report.person.overconfidence)}` : `under-confident by ${pct(-report.person.overconfidence)}`}`,
    `- The scheduler's predicted recall: log loss ${num(s.logLoss, 3)}, RMSE(bins) ${num(s.rmseBins, 3)} over ${s.reviews} reviews in the last year (predicted ${pct(s.predicted)}, actual ${pct(s.actual)})`,
    '',
  );
  return lines.join('\n');
}

const CSV_COLUMNS = [
  'pack_id', 'title', 'kind', 'level', 'level_name', 'alone_tonight', 'recall_all', 'recall_studied', 'mature_share',
  'drill_answers', 'drill_accuracy', 'simulation_decisions', 'simulation_accuracy', 'median_ms', 'cv', 'first_week_median_ms',
  'first_week_cv', 'unaided_successes', 'recent_simulations', 'success_days', 'brier', 'self_rating', 'target_level', 'target_by', 'projection',
] as const;

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : value;
  // Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV: a header and one row per pack. */
export function reportCsv(report: ProgressReport): string {
  const rows = report.packs.map((p) =>
    [
      p.packId, p.title, p.kind, p.placement.level, p.placement.name, p.tonight.answer, p.recall.meanRetrievability, p.recall.studiedRetrievability, p.recall.matureShare,
      p.accuracy.drill.answers, p.accuracy.drill.share, p.accuracy.simulation.answers, p.accuracy.simulation.share, p.automaticity.medianMs, p.automaticity.cv,
      p.automaticity.firstWeekMedianMs, p.automaticity.firstWeekCv, p.independence.successes, p.independence.recent, p.independence.days, p.calibration.brier,
      p.selfRating?.level, p.target?.level, p.target ? isoDate(p.target.by) : undefined, projectionText(p),
    ].map(csvCell).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
