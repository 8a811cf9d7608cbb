import type { InlineTree } from '../../../shared/model';
import { splitLines } from '../../../shared/text/inline-text';
import { InlineText } from '../../app/ui/InlineText';

/** An answer of one or more lines (a sequence's numbered steps, a reverse card's ways in), one line each. */
export function AnswerText({ tree }: { tree: InlineTree }) {
  const lines = splitLines(tree);
  if (lines.length <= 1) return <InlineText tree={tree} />;
  return (
    <span className="answer-lines">
      {lines.map((line, index) => (
        <span key={index} className="answer-line">
          <InlineText tree={line} />
        </span>
      ))}
    </span>
  );
}
