import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useAppServices } from '../../app/app-services';
import { InlineText } from '../../app/ui/InlineText';
import { inlinePlain } from '../../../shared/text/inline-text';
import type { PracticeCard } from '../../state/practice/practice-collection';
import { shuffledOrder } from '../../../shared/drills/drill-order';
import type { Phase } from '../../state/practice/practice-session';
import type { PrimaryRef } from './use-primary-action';
import { usePrimaryAction } from './use-primary-action';

function moved(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  const [step] = next.splice(from, 1);
  next.splice(to, 0, step as number);
  return next;
}

/**
 * Put a section's steps in order — by dragging (pointer: mouse, pen, touch) or
 * by keyboard in a listbox: ↑/↓ choose a step, Alt+↑/↓ move it, Enter checks.
 * Every move is announced. Graded automatically: right only when exactly right.
 */
export function SequenceDrill({
  card,
  phase,
  busy,
  promptId,
  primary,
  turn,
}: {
  card: PracticeCard;
  phase: Phase;
  busy: boolean;
  promptId: string;
  primary: PrimaryRef;
  turn: number;
}) {
  const { practiceStore } = useAppServices();
  const steps = card.spec.sequence ?? [];
  const [order, setOrder] = useState(() => shuffledOrder(steps.map(inlinePlain), `${card.record.id}:${card.record.reps}:${turn}`));
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const baseId = useId();
  const helpId = `${baseId}-help`;
  const optionId = (position: number): string => `${baseId}-step-${position}`;

  const check = useCallback(() => practiceStore.getState().submit({ kind: 'order', order }), [practiceStore, order]);
  usePrimaryAction(primary, phase.name === 'question' ? check : null);
  useEffect(() => {
    listRef.current?.focus();
  }, []);

  const move = (from: number, to: number): void => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = moved(order, from, to);
    setOrder(next);
    setSelected(to);
    setNotice(`Moved “${inlinePlain(steps[next[to] as number] ?? [])}” to position ${to + 1} of ${order.length}.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>): void => {
    if (busy) return;
    const last = order.length - 1;
    const select = (position: number): void => {
      event.preventDefault();
      setSelected(Math.max(0, Math.min(last, position)));
    };
    switch (event.key) {
      case 'ArrowUp':
        if (event.altKey) {
          event.preventDefault();
          move(selected, selected - 1);
        } else select(selected - 1);
        break;
      case 'ArrowDown':
        if (event.altKey) {
          event.preventDefault();
          move(selected, selected + 1);
        } else select(selected + 1);
        break;
      case 'Home':
        select(0);
        break;
      case 'End':
        select(last);
        break;
      case 'Enter':
        event.preventDefault();
        if (!event.repeat) check();
        break;
    }
  };

  // Dragging reorders live: the step under the pointer makes room as the dragged one passes its middle.
  const onPointerDown = (event: PointerEvent<HTMLLIElement>, position: number): void => {
    if (busy || event.button !== 0) return;
    event.preventDefault();
    listRef.current?.focus();
    setSelected(position);
    setDragging(position);
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLLIElement>): void => {
    if (dragging === null || !listRef.current) return;
    const rows = [...listRef.current.children] as HTMLElement[];
    let target = 0;
    rows.forEach((row, position) => {
      if (position === dragging) return;
      const box = row.getBoundingClientRect();
      if (event.clientY > box.top + box.height / 2) target += 1;
    });
    if (target !== dragging) {
      move(dragging, target);
      setDragging(target);
    }
  };
  const onPointerUp = (): void => setDragging(null);

  if (phase.name === 'feedback') {
    const given = phase.given.kind === 'order' ? phase.given.order : order;
    return (
      <div className="sequence-result">
        <div>
          <h3>Your order</h3>
          <ol className="sequence-list sequence-list-result">
            {given.map((stepIndex, position) => {
              const right = inlinePlain(steps[position] ?? []) === inlinePlain(steps[stepIndex] ?? []);
              return (
                <li key={stepIndex} className={right ? 'step-right' : 'step-wrong'}>
                  <span className="sequence-pos">{position + 1}</span>
                  <span className="sequence-text">
                    <InlineText tree={steps[stepIndex] ?? []} />
                  </span>
                  <span className="step-mark">{right ? '✓' : `✗ belongs at ${stepIndex + 1}`}</span>
                </li>
              );
            })}
          </ol>
        </div>
        {phase.judgement.correct ? null : (
          <div>
            <h3>The right order</h3>
            <ol className="sequence-list sequence-list-result">
              {steps.map((step, position) => (
                <li key={position}>
                  <span className="sequence-pos">{position + 1}</span>
                  <span className="sequence-text">
                    <InlineText tree={step} />
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="sequence-drill">
      <p id={helpId} className="drill-hint sequence-help">
        Drag the steps into order, or use the keyboard: <kbd>↑</kbd> <kbd>↓</kbd> choose a step, <kbd>Alt</kbd>+<kbd>↑</kbd>{' '}
        <kbd>Alt</kbd>+<kbd>↓</kbd> move it, <kbd>Enter</kbd> check the order.
      </p>
      <ol
        ref={listRef}
        className={`sequence-list${dragging === null ? '' : ' sequence-dragging'}`}
        role="listbox"
        tabIndex={0}
        aria-label="Steps, in your order"
        aria-describedby={`${promptId} ${helpId}`}
        aria-activedescendant={optionId(selected)}
        onKeyDown={onKeyDown}
      >
        {order.map((stepIndex, position) => (
          <li
            key={stepIndex}
            id={optionId(position)}
            role="option"
            aria-selected={position === selected}
            className={`sequence-step${position === selected ? ' sequence-selected' : ''}${position === dragging ? ' sequence-lifted' : ''}`}
            onPointerDown={(event) => onPointerDown(event, position)}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
          >
            <span className="sequence-grip" aria-hidden="true">
              ⠿
            </span>
            <span className="sequence-pos" aria-hidden="true">
              {position + 1}
            </span>
            <span className="sequence-text">
              <InlineText tree={steps[stepIndex] ?? []} />
            </span>
          </li>
        ))}
      </ol>
      <div className="drill-actions">
        <button type="button" className="button button-primary" onClick={check} disabled={busy}>
          Check the order <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
