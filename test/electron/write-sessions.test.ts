/**
 * Files written and read in pieces over real files: a backup or a saved export appears under its
 * name only once finished, an aborted or failed one leaves nothing, and reading a backup back in
 * chunks never splits a character.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dialog } from 'electron';
import { READ_CHUNK_BYTES, createBackupHandlers, utf8Boundary } from '../../electron/handlers/backups';
import { MAX_SESSIONS, createWriteSessions } from '../../electron/handlers/write-sessions';
import { createBeginSaveFileHandler } from '../../electron/handlers/save-text-file';
import { dialog, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

let dir: string;
beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(tmpdir(), 'kata-sessions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backups written in pieces', () => {
  it('are listed only once finished, with their size, and read back whole in chunks', async () => {
    const sessions = createWriteSessions();
    const backups = createBackupHandlers({ dir, sessions, now: () => Date.parse('2026-12-04T10:00:00.000Z') });
    const { token } = await backups.beginBackupFile({ name: 'before restore' });
    // 3-byte and 4-byte characters straddle the chunk size.
    const piece = `${'é'.repeat(700_000)}🧯${'x'.repeat(999_999)}€\n`;
    await sessions.append(token, piece);
    await sessions.append(token, piece);
    expect(await backups.listBackups()).toEqual([]);
    const finished = (await sessions.finish(token)) as { backup: { id: string; bytes: number } };
    const text = piece + piece;
    expect(finished.backup.bytes).toBe(Buffer.byteLength(text));
    expect((await backups.listBackups()).map((b) => [b.id, b.bytes])).toEqual([[finished.backup.id, finished.backup.bytes]]);
    let read = '';
    let chunks = 0;
    for (let offset: number | null = 0; offset !== null; chunks++) {
      const chunk = await backups.readBackupChunk({ id: finished.backup.id, offset });
      read += chunk.text;
      offset = chunk.nextOffset;
    }
    expect(chunks).toBeGreaterThan(Buffer.byteLength(text) / READ_CHUNK_BYTES);
    expect(read).toBe(text);
    expect(await backups.removeBackup({ id: finished.backup.id })).toEqual({ removed: true });
    expect(await backups.removeBackup({ id: finished.backup.id })).toEqual({ removed: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('an aborted one leaves no file; an unknown token is refused; the number open is bounded', async () => {
    const sessions = createWriteSessions();
    const backups = createBackupHandlers({ dir, sessions });
    const { token } = await backups.beginBackupFile({ name: 'half' });
    await sessions.append(token, 'partial');
    await sessions.abort(token);
    expect(await readdir(dir)).toEqual([]);
    await expect(sessions.append(token, 'more')).rejects.toThrow(/no such file being written/);
    await expect(sessions.finish(token)).rejects.toThrow(/no such file being written/);
    const open = await Promise.all(Array.from({ length: MAX_SESSIONS }, (_, i) => backups.beginBackupFile({ name: `b${i}` })));
    await expect(backups.beginBackupFile({ name: 'one too many' })).rejects.toThrow(/too many files/);
    await Promise.all(open.map(({ token: t }) => sessions.abort(t)));
    expect(await readdir(dir)).toEqual([]);
  });

  it('cuts UTF-8 only between characters', () => {
    const bytes = new TextEncoder().encode('a€🧯');
    expect(utf8Boundary(bytes)).toBe(bytes.length);
    expect(utf8Boundary(bytes.subarray(0, 5))).toBe(4); // in the middle of the emoji
    expect(utf8Boundary(bytes.subarray(0, 3))).toBe(1); // in the middle of €
    expect(utf8Boundary(bytes.subarray(0, 1))).toBe(1);
  });
});

describe('a streamed save', () => {
  it('writes where the person chose, only on finish; cancel begins nothing', async () => {
    const sessions = createWriteSessions();
    const chosen = path.join(dir, 'export.kata.ndjson');
    const fakeDialog = dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const begin = createBeginSaveFileHandler({ dialog: fakeDialog, getWindow: () => null, defaultDir: () => dir, sessions });
    const begun = await begin({ suggestedName: '../../etc/export.kata.ndjson' });
    expect(begun?.path).toBe(chosen);
    await sessions.append(begun!.token, '{"a":1}\n');
    expect(await readdir(dir)).not.toContain('export.kata.ndjson');
    expect(await sessions.finish(begun!.token)).toEqual({ path: chosen });
    expect(await readFile(chosen, 'utf8')).toBe('{"a":1}\n');
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await begin({ suggestedName: 'x.ndjson' })).toBeNull();
    expect(await readdir(dir)).toEqual(['export.kata.ndjson']);
  });
});
