/**
 * The settings store: loads every setting once at start-up, and writes each
 * change straight to the settings repository (there is no Save button).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { describeError, writeFailureMessage } from '../write-failure';
import type { SchedulerEra } from '../../../shared/schedule/scheduler-history';
import { SCHEDULER_HISTORY_KEY, normalizeHistory, withChange } from '../../../shared/schedule/scheduler-history';
import type { SettingKey, Settings } from './settings-definition';
import { DEFAULT_SETTINGS, SETTING_KEYS, normalizeSetting } from './settings-definition';
import { toSchedulerSettings } from './scheduler-settings';

/** Where the eras of FSRS parameters are kept (shared/schedule/scheduler-history.ts). */
export { SCHEDULER_HISTORY_KEY };

/** What the store needs from storage (the settings repository fits). */
export interface SettingsPort {
  get<T>(key: string, fallback: T): Promise<T>;
  set(key: string, value: unknown): Promise<void>;
  /** Several keys in one transaction: all stored, or none. */
  setMany(entries: Readonly<Record<string, unknown>>): Promise<void>;
}

export interface SettingsState {
  values: Settings;
  /** When each set of FSRS parameters came into force (empty until one first changes). */
  schedulerHistory: readonly SchedulerEra[];
  status: 'idle' | 'loading' | 'ready';
  /** Set when stored settings could not be read; the defaults are in use. */
  loadError?: string;
  /** Set when the last change could not be saved; the previous value is back. */
  saveError?: string;
  /** The last setting saved, for a quiet "Saved" confirmation. */
  lastSaved?: { key: SettingKey; at: number };
  load(): Promise<void>;
  /** Saves a change; resolves false (with `saveError`) when it was refused or not stored. */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<boolean>;
}

export type SettingsStore = StoreApi<SettingsState>;

const describe = describeError;

export function createSettingsStore(port: SettingsPort, now: () => number = Date.now): SettingsStore {
  return createStore<SettingsState>()((setState, getState) => ({
    values: { ...DEFAULT_SETTINGS },
    schedulerHistory: [],
    status: 'idle',

    async load() {
      setState({ status: 'loading' });
      try {
        const [entries, history] = await Promise.all([
          Promise.all(
            SETTING_KEYS.map(async (key) => {
              const stored = await port.get<unknown>(key, DEFAULT_SETTINGS[key]);
              // A value from an older or newer version that no longer fits falls back to the default.
              return [key, normalizeSetting(key, stored) ?? DEFAULT_SETTINGS[key]] as const;
            }),
          ),
          port.get<unknown>(SCHEDULER_HISTORY_KEY, []),
        ]);
        setState({
          values: Object.fromEntries(entries) as unknown as Settings,
          schedulerHistory: normalizeHistory(history),
          status: 'ready',
          loadError: undefined,
        });
      } catch (error) {
        setState({
          values: { ...DEFAULT_SETTINGS },
          status: 'ready',
          loadError: `Your settings could not be read, so the defaults are in use: ${describe(error)}`,
        });
      }
    },

    async set(key, value) {
      const next = normalizeSetting(key, value);
      if (next === undefined) {
        setState({ saveError: `${String(value)} is not a valid value for ${key}.` });
        return false;
      }
      const { values, schedulerHistory } = getState();
      const previous = values[key];
      // A change of FSRS parameters opens a new era, stored with the setting in one transaction.
      const at = now();
      const history = withChange(schedulerHistory, toSchedulerSettings(values), toSchedulerSettings({ ...values, [key]: next }), at);
      // Optimistic: the control shows the change at once; a failed write puts it back.
      setState((state) => ({
        values: { ...state.values, [key]: next },
        ...(history ? { schedulerHistory: history } : {}),
        saveError: undefined,
      }));
      try {
        if (history) await port.setMany({ [key]: next, [SCHEDULER_HISTORY_KEY]: history });
        else await port.set(key, next);
        setState({ lastSaved: { key, at } });
        return true;
      } catch (error) {
        setState((state) => ({
          // Only undo if nothing newer replaced it meanwhile.
          values: state.values[key] === next ? { ...state.values, [key]: previous } : state.values,
          schedulerHistory: history && state.schedulerHistory === history ? schedulerHistory : state.schedulerHistory,
          saveError: writeFailureMessage('This change', error, (detail) => `Could not save this change: ${detail}`),
        }));
        return false;
      }
    },
  }));
}
