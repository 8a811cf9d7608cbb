import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { Rating } from '../../../shared/model';
import type { PracticeStore } from '../../state/practice/practice-store';

/** What the screen does on keys that depend on what is shown. */
export interface PracticeKeyActions {
  /** Space/Enter with no button focused: the main action of what is on screen (reveal, continue, check). */
  primary: RefObject<(() => void) | null>;
  toggleSource(): void;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button', 'submit'].includes(target.type);
}

/** Elements that act on Space/Enter themselves: the browser's activation must not run twice. */
function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], input, select, textarea, summary, [role="listbox"], [role="option"]') !== null;
}

/** 1–4 from the digit row or the keypad, on any layout (AZERTY digits are shifted). */
function ratingOf(event: KeyboardEvent): Rating | undefined {
  if (/^[1-4]$/.test(event.key)) return Number(event.key) as Rating;
  const digit = /^(?:Digit|Numpad)([1-4])$/.exec(event.code)?.[1];
  if (digit !== undefined && !event.shiftKey) return Number(digit) as Rating;
  return undefined;
}

/**
 * The practice keys (Anki's): Space/Enter reveal or continue, 1–4 grade (or
 * choose an option), `u` or Ctrl+Z undo, `-` bury, `!` suspend, `s` source,
 * Esc ends the session. None of them fire while typing in an answer field,
 * where the keys type (and Ctrl+Z undoes typing).
 */
export function usePracticeKeys(store: PracticeStore, actions: PracticeKeyActions): void {
  const { primary, toggleSource } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.metaKey || isTextEntry(event.target)) return;
      const state = store.getState();
      const handled = (): void => event.preventDefault();

      if (event.ctrlKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
        if (state.status === 'session' || state.status === 'summary') {
          handled();
          void state.undo();
        }
        return;
      }
      if (event.ctrlKey || event.altKey) return;

      const primaryKey = event.key === 'Enter' || event.key === ' ';
      if (primaryKey && (event.repeat || isActivatable(event.target))) {
        // Held keys never answer twice; a focused control handles its own activation.
        if (event.repeat) handled();
        return;
      }

      if (state.status === 'start' || state.status === 'summary') {
        if (state.status === 'summary' && (event.key === 'u' || event.key === 'U')) {
          handled();
          void state.undo();
        } else if (primaryKey && primary.current) {
          handled();
          primary.current();
        }
        return;
      }
      const current = state.session?.current;
      if (state.status !== 'session' || !state.session || !current) return;
      const { phase } = state.session;

      if (primaryKey) {
        handled();
        primary.current?.();
        return;
      }
      const rating = ratingOf(event);
      if (rating !== undefined && event.key !== '!') {
        handled();
        if (event.repeat) return;
        if (phase.name === 'revealed' || phase.name === 'feedback') void state.grade(rating);
        else if (current.drill === 'choice' && rating <= (current.spec.choices?.length ?? 0)) {
          state.submit({ kind: 'choice', index: rating - 1 });
        }
        return;
      }
      switch (event.key) {
        case 'u':
        case 'U':
          handled();
          void state.undo();
          break;
        case '-':
          handled();
          void state.bury();
          break;
        case '!':
          handled();
          void state.suspend();
          break;
        case 's':
        case 'S':
          handled();
          toggleSource();
          break;
        case 'Escape':
          handled();
          state.end();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, primary, toggleSource]);
}
