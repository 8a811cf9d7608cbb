import { useId } from 'react';
import { InlineText } from '../../app/ui/InlineText';
import type { Session } from '../../state/practice/practice-session';
import type { SourceRef } from '../../state/practice/practice-collection';
import { AnswerFeedback } from './AnswerFeedback';
import { ChoiceDrill } from './ChoiceDrill';
import { ClozeDrill } from './ClozeDrill';
import { KIND_LABELS } from './format';
import { MemoryDrill } from './MemoryDrill';
import { RevealDrill } from './RevealDrill';
import { SequenceDrill } from './SequenceDrill';
import type { PrimaryRef } from './use-primary-action';

function SourceLine({ source, id }: { source: SourceRef; id: string }) {
  return (
    <p id={id} className="drill-source">
      <span className="mono">{source.path ?? source.fileName}</span>
      {source.line !== undefined ? <>, line {source.line}</> : null}
      {source.section ? <span className="muted"> · {source.section}</span> : null}
    </p>
  );
}

/** The card on screen: what kind it is, where it comes from, its prompt, and the drill that answers it. */
export function CardView({
  session,
  primary,
  showSource,
  onToggleSource,
}: {
  session: Session;
  primary: PrimaryRef;
  showSource: boolean;
  onToggleSource: () => void;
}) {
  const ids = useId();
  const card = session.current;
  if (!card) return null;
  const { phase, busy, gradingMode } = session;
  const promptId = `${ids}-prompt`;
  const sourceId = `${ids}-source`;
  const drill = { card, phase, busy, promptId };

  return (
    <article
      className="drill-card"
      data-kind={card.spec.kind}
      data-drill={card.drill}
      data-phase={phase.name}
      data-turn={session.turn}
      aria-labelledby={`${ids}-kind`}
      aria-busy={busy}
    >
      <header className="drill-head">
        <h2 id={`${ids}-kind`} className="drill-kind">
          {KIND_LABELS[card.spec.kind]}
          <span className="drill-pack"> · {card.pack.title}</span>
        </h2>
        <button type="button" className="button button-small button-quiet" aria-expanded={showSource} aria-controls={sourceId} onClick={onToggleSource}>
          {showSource ? 'Hide source' : 'Show source'} <kbd aria-hidden="true">S</kbd>
        </button>
      </header>
      {showSource ? <SourceLine id={sourceId} source={card.source} /> : null}
      <div id={promptId} className="drill-prompt">
        {/* A cloze's blank is a node of the prompt's tree: drawn as a gap, read as "blank". */}
        <InlineText tree={card.spec.prompt} />
      </div>
      {card.drill === 'reveal' ? <RevealDrill {...drill} gradingMode={gradingMode} primary={primary} /> : null}
      {card.drill === 'choice' ? <ChoiceDrill {...drill} /> : null}
      {card.drill === 'cloze' ? <ClozeDrill {...drill} /> : null}
      {card.drill === 'memory' ? <MemoryDrill {...drill} /> : null}
      {card.drill === 'sequence' ? <SequenceDrill {...drill} primary={primary} turn={session.turn} /> : null}
      {phase.name === 'feedback' ? <AnswerFeedback phase={phase} busy={busy} gradingMode={gradingMode} primary={primary} /> : null}
    </article>
  );
}
