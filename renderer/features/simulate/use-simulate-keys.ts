import { useEffect } from 'react';
import type { SimulateStore } from '../../state/simulate/simulate-store';
import { availableHints, optionsShown } from '../../../shared/simulate/run';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button', 'submit'].includes(target.type);
}

function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea, summary') !== null;
}

/**
 * The run's keys: digits choose an option, `h` opens the first hint, Enter goes on after
 * a decision, `y`/`n` judge a recalled step, Esc asks whether to abandon. While typing in
 * the recall field, keys type (Enter checks; Esc still asks to abandon).
 */
export function useSimulateKeys(store: SimulateStore, onEscape: () => void, paused: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (paused || event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const state = store.getState();
      const run = state.run;
      if (state.status !== 'running' || !run) return;
      const handled = (): void => event.preventDefault();
      if (event.key === 'Escape') {
        handled();
        onEscape();
        return;
      }
      if (isTextEntry(event.target)) return;
      const { phase } = run.state;
      if (event.key === 'Enter' && phase.name === 'feedback' && !isActivatable(event.target)) {
        handled();
        if (!event.repeat) void state.next();
        return;
      }
      if (phase.name === 'confirming' && (event.key === 'y' || event.key === 'Y' || event.key === 'n' || event.key === 'N')) {
        handled();
        void state.confirm(event.key.toLowerCase() === 'y');
        return;
      }
      if (phase.name !== 'deciding') return;
      if (event.key === 'h' || event.key === 'H') {
        const first = availableHints(run.state)[0];
        if (first) {
          handled();
          state.hint(first);
        }
        return;
      }
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : undefined;
      const options = phase.mode === 'choice' ? optionsShown(run.state) : undefined;
      if (digit !== undefined && options && digit <= options.length) {
        handled();
        if (!event.repeat) void state.choose(options[digit - 1] as string);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, onEscape, paused]);
}
