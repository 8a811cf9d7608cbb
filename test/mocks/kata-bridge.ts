/**
 * A fake `window.kata` bridge for renderer tests: every channel of shared/ipc.ts,
 * answered from memory, with a log of the calls made. Results can be replaced
 * per test through `overrides`.
 */
import type { AppInfo, KataBridge, PickedFile } from '../../shared/ipc';
import type { BackupInfo } from '../../shared/model';

export interface FakeKataBridge extends KataBridge {
  /** Every call in order: method name and arguments. */
  readonly calls: { method: keyof KataBridge; args: unknown[] }[];
  /** What the next `pickImportFiles` returns. */
  nextPickedFiles: PickedFile[];
}

export const FAKE_APP_INFO: AppInfo = {
  name: 'Kata',
  version: '0.1.0',
  platform: 'linux',
  electron: '45.4.1',
  chrome: '142.0.7444.52',
  userDataPath: '/home/someone/.config/Kata',
};

export function createFakeKataBridge(overrides: Partial<KataBridge> = {}): FakeKataBridge {
  const backups = new Map<string, { info: BackupInfo; text: string }>();
  let clock = 1_700_000_000_000;

  const bridge: FakeKataBridge = {
    calls: [],
    nextPickedFiles: [],
    async appInfo() {
      return FAKE_APP_INFO;
    },
    async pickImportFiles() {
      return bridge.nextPickedFiles;
    },
    async saveTextFile({ suggestedName }) {
      return { saved: true, path: `/home/someone/${suggestedName}` };
    },
    async writeBackup({ name, text }) {
      clock += 1_000;
      const info: BackupInfo = { id: `${clock}-${name}`, name, createdAt: clock, bytes: new TextEncoder().encode(text).byteLength };
      backups.set(info.id, { info, text });
      return info;
    },
    // Oldest first on purpose: the adapter promises newest first whatever the main process sends.
    async listBackups() {
      return [...backups.values()].map((backup) => backup.info);
    },
    async readBackup({ id }) {
      const backup = backups.get(id);
      if (!backup) throw new Error(`No backup ${id}`);
      return { id, text: backup.text };
    },
    ...overrides,
  };

  // Wrap every channel to record the call before answering it.
  for (const method of ['appInfo', 'pickImportFiles', 'saveTextFile', 'writeBackup', 'listBackups', 'readBackup'] as const) {
    const answer = bridge[method] as (...args: unknown[]) => Promise<unknown>;
    (bridge as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      bridge.calls.push({ method, args });
      return answer(...args);
    };
  }
  return bridge;
}
