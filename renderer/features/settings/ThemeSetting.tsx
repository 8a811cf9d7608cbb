import type { ThemeSetting as Theme } from '../../state/settings/settings-definition';
import { THEMES } from '../../state/settings/settings-definition';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Theme as a radio group: arrow keys move between the three, and each choice is saved at once. */
export function ThemeSetting({ value, onSave }: { value: Theme; onSave: (theme: Theme) => void }) {
  return (
    <fieldset className="field segmented-field">
      <legend>Theme</legend>
      <div className="segmented">
        {THEMES.map((theme) => (
          <label key={theme} className="segment">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={value === theme}
              onChange={() => onSave(theme)}
            />
            <span>{THEME_LABELS[theme]}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">System follows the light or dark setting of your computer.</p>
    </fieldset>
  );
}
