/**
 * Emphasis for the terminal walk: ANSI colours on a TTY, plain text elsewhere. Colour only
 * ever doubles a word (RIGHT, MISSED), so a log, a screen reader or NO_COLOR loses nothing.
 */
export interface Style {
  bold: (text: string) => string;
  dim: (text: string) => string;
  right: (text: string) => string;
  wrong: (text: string) => string;
}

const wrap = (open: string, close: string) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

export function terminalStyle(color: boolean): Style {
  if (!color) return { bold: plain, dim: plain, right: plain, wrong: plain };
  return { bold: wrap('1', '22'), dim: wrap('2', '22'), right: wrap('32', '39'), wrong: wrap('31', '39') };
}
