import type { ThemeSetting } from '../state/settings/settings-definition';

/**
 * Shows the chosen theme. With `system` the attribute is removed and the CSS
 * follows `prefers-color-scheme`; otherwise `data-theme` pins light or dark
 * (styles/tokens.css sets `color-scheme` from it).
 */
export function applyTheme(root: HTMLElement, theme: ThemeSetting): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
