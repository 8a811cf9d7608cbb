import { InlineMarkdown } from '../../app/ui/InlineMarkdown';

/** An answer of one or more lines (a sequence's numbered steps, a reverse card's ways in), each as inline Markdown. */
export function AnswerText({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length <= 1) return <InlineMarkdown text={text} />;
  return (
    <span className="answer-lines">
      {lines.map((line, index) => (
        <span key={index} className="answer-line">
          <InlineMarkdown text={line} />
        </span>
      ))}
    </span>
  );
}
