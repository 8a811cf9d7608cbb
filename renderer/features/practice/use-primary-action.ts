import { useEffect } from 'react';
import type { RefObject } from 'react';

/** What Space/Enter does when no control has focus. */
export type PrimaryRef = RefObject<(() => void) | null>;

/** Makes `action` the screen's Space/Enter action while the calling component shows it. */
export function usePrimaryAction(primaryRef: PrimaryRef, action: (() => void) | null): void {
  useEffect(() => {
    primaryRef.current = action;
    return () => {
      if (primaryRef.current === action) primaryRef.current = null;
    };
  }, [primaryRef, action]);
}
