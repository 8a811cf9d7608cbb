import { useEffect } from 'react';
import type { RouteId } from './routes';
import { routeForShortcut } from './routes';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button', 'submit'].includes(target.type);
}

/**
 * Alt+1…5 and Ctrl+1…5 go to the five screens. Reads `event.code` (the key's
 * position) so it works on every keyboard layout; Alt alone is ignored while
 * typing, because on macOS Alt+digit types characters such as ¡ and ™, and
 * while a modal dialog is open.
 */
export function useNavShortcuts(navigate: (id: RouteId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.shiftKey || event.metaKey || event.altKey === event.ctrlKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      const route = digit === undefined ? undefined : routeForShortcut(digit);
      if (!route) return;
      if (event.altKey && isTextEntry(event.target)) return;
      // A modal dialog (an import review, a confirmation) owns the keyboard: the screen behind it stays.
      if (document.querySelector('dialog:modal')) return;
      event.preventDefault();
      navigate(route.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
