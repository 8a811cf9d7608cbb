import type { ImportIssue } from '../../../shared/model';
import { formatIssue } from '../../../shared/import/result';
import { sourceExcerpt } from './source-excerpt';

/** Most issues listed per file; the rest are counted (a broken file can report hundreds). */
const MAX_SHOWN = 20;

function Excerpt({ text, issue }: { text: string; issue: ImportIssue }) {
  const excerpt = sourceExcerpt(text, issue.line, issue.col);
  if (!excerpt) return null;
  const gutter = String(excerpt.lineNumber);
  return (
    // A group, because a plain <pre> may not carry a name (ARIA prohibits aria-label on generic elements).
    <pre className="issue-excerpt" role="group" aria-label={`Line ${excerpt.lineNumber} of the file`}>
      <span className="issue-gutter">{gutter} | </span>
      {excerpt.line}
      {'\n'}
      <span className="issue-gutter">{' '.repeat(gutter.length)} | </span>
      <span className="issue-caret">{excerpt.caret}</span>
    </pre>
  );
}

/** Errors or warnings as `file:line:col: message`, each with the line it points at when the text is known. */
export function IssueList({ issues, text, tone }: { issues: readonly ImportIssue[]; text?: string; tone: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  const shown = issues.slice(0, MAX_SHOWN);
  return (
    <div className={`issues issues-${tone}`}>
      <h4>{tone === 'error' ? (issues.length === 1 ? 'Error' : `${issues.length} errors`) : issues.length === 1 ? 'Warning' : `${issues.length} warnings`}</h4>
      <ul>
        {shown.map((issue, index) => (
          <li key={index}>
            <code className="issue-line">{formatIssue(issue)}</code>
            {text !== undefined ? <Excerpt text={text} issue={issue} /> : null}
          </li>
        ))}
      </ul>
      {issues.length > shown.length ? <p className="muted">…and {issues.length - shown.length} more.</p> : null}
    </div>
  );
}
