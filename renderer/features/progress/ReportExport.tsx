import { useState } from 'react';
import { useAppServices } from '../../app/app-services';
import type { ProgressReport } from '../../../shared/progress/progress-report';
import { reportCsv, reportMarkdown } from '../../../shared/progress/report-format';
import { dateInputValue } from './format';

/**
 * The report for a mentor: Markdown and CSV through the platform's save path, and a PDF of
 * the screen (print styles) through Electron's print-to-PDF, or the browser's print dialog.
 */
export function ReportExport({ report }: { report: ProgressReport }) {
  const { platform } = useAppServices();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const base = `kata-progress-${dateInputValue(report.generatedAt)}`;
  const run = (what: string, action: () => Promise<{ saved: boolean; path?: string }>) => {
    setStatus({ text: `Saving the ${what}…` });
    action().then(
      (outcome) => setStatus({ text: outcome.saved ? `The ${what} is saved${outcome.path ? ` to ${outcome.path}` : ''}.` : `The ${what} was not saved.` }),
      (error: unknown) => setStatus({ text: `The ${what} could not be saved: ${error instanceof Error ? error.message : String(error)}`, error: true }),
    );
  };
  const printToPdf = platform.printToPdf?.bind(platform);
  return (
    <div className="report-export no-print" role="group" aria-label="Report for a mentor">
      <span className="progress-label">Report for a mentor</span>
      <div className="actions">
        <button type="button" className="button" onClick={() => run('Markdown report', () => platform.saveTextFile(`${base}.md`, reportMarkdown(report)))}>
          Export Markdown
        </button>
        <button type="button" className="button" onClick={() => run('CSV report', () => platform.saveTextFile(`${base}.csv`, reportCsv(report)))}>
          Export CSV
        </button>
        {printToPdf ? (
          <button type="button" className="button" onClick={() => run('PDF', () => printToPdf(`${base}.pdf`))}>
            Save as PDF
          </button>
        ) : (
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        )}
      </div>
      <p className={status?.error ? 'field-hint field-hint-error' : 'field-hint'} role="status">
        {status?.text ?? 'The same figures as this screen.'}
      </p>
    </div>
  );
}
