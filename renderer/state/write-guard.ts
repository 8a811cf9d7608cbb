/**
 * One write at a time, shown as busy only when it is slow: a write usually takes a
 * few milliseconds, and rendering a busy state and back for it would cost the next
 * card a frame.
 */

/** How long a write may take before the screen shows it is busy. */
export const BUSY_SHOWN_AFTER_MS = 150;

export interface WriteGuard {
  /** A write is running: actions that write or change the card must wait. */
  readonly active: boolean;
  begin(): void;
  end(): void;
}

/** `showBusy` runs if a write is still running BUSY_SHOWN_AFTER_MS after it began. */
export function createWriteGuard(showBusy: () => void, delayMs = BUSY_SHOWN_AFTER_MS): WriteGuard {
  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    get active() {
      return active;
    },
    begin() {
      active = true;
      timer = setTimeout(() => {
        if (active) showBusy();
      }, delayMs);
    },
    end() {
      active = false;
      clearTimeout(timer);
    },
  };
}
