// @vitest-environment happy-dom
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createBrowserPlatform, describeBrowser, readImportFile } from '../../../renderer/platform/browser';
import type { BackupStore } from '../../../renderer/platform/browser';
import { formatBytes } from '../../../renderer/platform/format-bytes';
import { IMPORT_ACCEPT } from '../../../renderer/platform/import-formats';
import { createRepositories, openKataDb } from '../../../renderer/storage/index';

const noBackups: BackupStore = {
  write: () => Promise.reject(new Error('unused')),
  list: async () => [],
  read: () => Promise.reject(new Error('unused')),
};

function platformWith(backups: BackupStore = noBackups, maxFileBytes?: number) {
  return createBrowserPlatform({ backups, name: 'Kata', version: '0.1.0', document, maxFileBytes });
}

/** Answers the next file chooser: with files (a `change`), or by cancelling (`cancel`). */
function answerFileChooser(answer: File[] | 'cancel'): { input: () => HTMLInputElement | undefined } {
  let opened: HTMLInputElement | undefined;
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(() => {
    // The adapter puts its input in the page before opening it.
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    opened = input;
    queueMicrotask(() => {
      if (answer === 'cancel') {
        input.dispatchEvent(new Event('cancel'));
      } else {
        Object.defineProperty(input, 'files', { value: answer, configurable: true });
        input.dispatchEvent(new Event('change'));
      }
    });
  });
  return { input: () => opened };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('formatBytes', () => {
  test.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [2048, '2 KB'],
    [5 * 1024 * 1024, '5 MB'],
    [6_000_000, '5.7 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [1536 * 1024 * 1024, '1.5 GB'],
    [200 * 1024 * 1024 * 1024, '200 GB'],
  ])('%i bytes reads as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('readImportFile', () => {
  test('reads the text of a file within the limit', async () => {
    const file = new File(['# Rollout\n'], 'rollout.md', { type: 'text/markdown' });
    expect(await readImportFile(file, 100)).toEqual({ name: 'rollout.md', bytes: 10, text: '# Rollout\n' });
  });

  test('refuses a file over the limit without reading it', async () => {
    const file = new File(['x'.repeat(2048)], 'big.csv');
    const text = vi.spyOn(file, 'text');
    const result = await readImportFile(file, 1024);
    expect(result).toEqual({ name: 'big.csv', bytes: 2048, error: 'big.csv is 2 KB; Kata imports files up to 1 KB.' });
    expect(text).not.toHaveBeenCalled();
  });

  test('the default limit is 5 MB', async () => {
    const file = new File(['a'], 'huge.yaml');
    Object.defineProperty(file, 'size', { value: 5 * 1024 * 1024 + 1 });
    expect((await readImportFile(file)).error).toContain('up to 5 MB');
  });

  test('a file that cannot be read carries the reason', async () => {
    const file = new File(['a'], 'locked.md');
    vi.spyOn(file, 'text').mockRejectedValue(new Error('permission denied'));
    expect(await readImportFile(file)).toEqual({ name: 'locked.md', bytes: 1, error: 'locked.md could not be read: permission denied' });
  });
});

describe('browser platform', () => {
  test('is the browser kind, without folder watching', () => {
    const platform = platformWith();
    expect(platform.kind).toBe('browser');
    expect(platform.supportsFolders).toBe(false);
    expect(platform.folders).toBeUndefined();
  });

  test('pickImportFiles opens a hidden multi-file input for the import formats, and reads the choice', async () => {
    const chooser = answerFileChooser([new File(['a,b\n'], 'cards.csv'), new File(['x'.repeat(50)], 'big.md')]);
    const files = await platformWith(noBackups, 10).pickImportFiles();
    const input = chooser.input()!;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe(IMPORT_ACCEPT);
    expect(input.accept.split(',')).toEqual(expect.arrayContaining(['.md', '.mmd', '.mermaid', '.yaml', '.yml', '.json', '.csv']));
    expect(input.hidden).toBe(true);
    expect(files).toEqual([
      { name: 'cards.csv', bytes: 4, text: 'a,b\n' },
      { name: 'big.md', bytes: 50, error: 'big.md is 50 bytes; Kata imports files up to 10 bytes.' },
    ]);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  test('a cancelled chooser resolves with no files and leaves no input behind', async () => {
    answerFileChooser('cancel');
    expect(await platformWith().pickImportFiles()).toEqual([]);
    expect(document.querySelector('input')).toBeNull();
  });

  test('saveTextFile offers a download of the text under the suggested name', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob;
      return 'blob:kata/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let clicked: HTMLAnchorElement | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
      clicked = document.querySelector<HTMLAnchorElement>('a[download]') ?? undefined;
    });

    expect(await platformWith().saveTextFile('kata-backup.json', '{"a":1}')).toEqual({ saved: true });
    expect(clicked?.download).toBe('kata-backup.json');
    expect(clicked?.getAttribute('href')).toBe('blob:kata/1');
    expect(blob?.type).toBe('application/json');
    expect(await blob?.text()).toBe('{"a":1}');
    expect(document.querySelector('a')).toBeNull();
  });

  test('app info names the browser', async () => {
    const info = await platformWith().appInfo();
    expect(info.name).toBe('Kata');
    expect(info.version).toBe('0.1.0');
    expect(info.platform).toMatch(/^Web browser/);
    expect(info.dataLocation).toBeUndefined();
  });

  test('describeBrowser reads Chromium and Firefox versions from the user agent', () => {
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36')).toEqual([
      { name: 'Chromium', version: '156.0.0.0' },
    ]);
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toEqual([{ name: 'Firefox', version: '140.0' }]);
    expect(describeBrowser('')).toEqual([{ name: 'Browser', version: 'unknown' }]);
  });

  test('backups are kept in IndexedDB through the backups repository, newest first', async () => {
    const db = await openKataDb(`kata-browser-platform-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    try {
      const platform = platformWith(createRepositories(db).backups);
      const first = await platform.writeBackup('kata-backup-1', '{"n":1}');
      await new Promise((resolve) => setTimeout(resolve, 2));
      const second = await platform.writeBackup('kata-backup-2', '{"n":2}');
      expect(first.bytes).toBe(7);
      expect((await platform.listBackups()).map((b) => b.name)).toEqual(['kata-backup-2', 'kata-backup-1']);
      expect(await platform.readBackup(second.id)).toEqual({ id: second.id, text: '{"n":2}' });
      await expect(platform.readBackup('missing')).rejects.toThrow();
    } finally {
      db.close();
    }
  });
});
