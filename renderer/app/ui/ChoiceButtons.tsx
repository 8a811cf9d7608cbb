import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * Options to choose from, numbered for the keyboard (digit keys are the screen's own): a
 * practice drill's choices and a simulation's decisions. The first takes focus when the
 * options change (`focusKey`), so Tab and Enter continue from them.
 */
export function ChoiceButtons({
  options,
  onChoose,
  disabled = false,
  describedBy,
  focusKey,
}: {
  options: readonly { key: string; content: ReactNode }[];
  onChoose: (index: number) => void;
  disabled?: boolean;
  describedBy?: string;
  /** Changes when a new set of options is shown. */
  focusKey?: unknown;
}) {
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstRef.current?.focus(), [focusKey]);
  return (
    <ol className="choice-list" aria-label="Options">
      {options.map((option, index) => (
        <li key={option.key}>
          <button
            ref={index === 0 ? firstRef : undefined}
            type="button"
            className="choice"
            disabled={disabled}
            aria-describedby={describedBy}
            aria-keyshortcuts={String(index + 1)}
            onClick={() => onChoose(index)}
          >
            <kbd aria-hidden="true">{index + 1}</kbd>
            <span className="choice-text">{option.content}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
