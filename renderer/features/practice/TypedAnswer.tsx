import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useAppServices } from '../../app/app-services';
import type { InlineTree } from '../../../shared/model';
import { InlineText } from '../../app/ui/InlineText';
import type { Phase } from '../../state/practice/practice-session';

/**
 * A typed answer (cloze, memory item): Enter checks it, tolerantly (case, spacing,
 * punctuation and number formatting do not count). After checking, what was typed
 * stands beside the expected answer.
 */
export function TypedAnswer({
  label,
  expected,
  phase,
  busy,
  promptId,
  children,
}: {
  label: string;
  /** What counts as right, as shown after checking. */
  expected: InlineTree;
  phase: Phase;
  busy: boolean;
  promptId: string;
  /** Extra controls beside the Check button (a hint, a clock). */
  children?: ReactNode;
}) {
  const { practiceStore } = useAppServices();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  if (phase.name === 'feedback') {
    const typed = phase.given.kind === 'text' ? phase.given.text : '';
    return (
      <dl className={`info-list typed-result ${phase.judgement.correct ? 'typed-right' : 'typed-wrong'}`}>
        <div>
          <dt>You typed</dt>
          <dd className="typed-given">{typed.trim() === '' ? <span className="muted">nothing</span> : typed}</dd>
        </div>
        <div>
          <dt>Answer</dt>
          <dd className="typed-expected">
            <InlineText tree={expected} />
          </dd>
        </div>
        {phase.judgement.detail ? (
          <div>
            <dt>Why</dt>
            <dd>{phase.judgement.detail}</dd>
          </div>
        ) : null}
      </dl>
    );
  }

  const check = (event: FormEvent): void => {
    event.preventDefault();
    practiceStore.getState().submit({ kind: 'text', text });
  };
  return (
    <form className="typed-answer" onSubmit={check}>
      <label htmlFor={inputId}>{label}</label>
      <div className="typed-row">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          className="text-input typed-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby={promptId}
          disabled={busy}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Check <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
      {children}
    </form>
  );
}
