/**
 * `writeBackup` / `listBackups` / `readBackup`: snapshots of the collection as
 * files in `<userData>/backups/`, so a broken IndexedDB is never the only copy.
 *
 * Invariants: an id is a bare file name (`2026-11-25T01-30-00-000Z-name.json`)
 * that resolves inside the folder; a backup appears only once complete (written to
 * a temp file, then renamed).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../shared/model';
import type { WriteSessions } from './write-sessions';
import { createWriteSessions } from './write-sessions';

export const BACKUP_DIR_NAME = 'backups';
/** Mirrors the contract's backup id schema; checked again here because ids become paths. */
const BACKUP_ID = /^[A-Za-z0-9._-]{1,120}$/;
/** `2026-11-25T01-30-00-000Z-` : the ISO time with `:` and `.` made file-name safe. */
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(.+)\.json$/;
const STAMP_LENGTH = '2026-11-25T01-30-00-000Z-'.length;
const SUFFIX = '.json';

export interface BackupDeps {
  /** The backups folder, e.g. `<userData>/backups`; created on first write. */
  dir: string;
  now?: () => number;
  /** Shared with the streamed save, so one limit on open files holds for both. */
  sessions?: WriteSessions;
}

/** Bytes a `readBackupChunk` returns at most (the renderer asks again from `nextOffset`). */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/** Where the UTF-8 text in `bytes` can be cut without splitting a character (its length when whole). */
export function utf8Boundary(bytes: Uint8Array): number {
  let end = bytes.length;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  let i = end - 1;
  while (i >= 0 && i > end - 4 && (bytes[i]! & 0xc0) === 0x80) i -= 1;
  if (i < 0) return end;
  const lead = bytes[i]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (i + size > end) end = i;
  return end;
}

/** Turns a free-text name into the file-name-safe tail of an id ("My pack!" -> "My-pack"). */
export function sanitizeBackupName(name: string): string {
  const maxLength = 120 - STAMP_LENGTH - SUFFIX.length - 3; // room for a "-NN" collision suffix
  const safe = name
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, maxLength)
    .replace(/[-.]+$/, '');
  return safe || 'backup';
}

/** The id for a backup named `name` taken at `time`. */
export function backupIdFor(name: string, time: number): string {
  const stamp = new Date(time).toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${sanitizeBackupName(name)}${SUFFIX}`;
}

/** The absolute path of backup `id`, or an Error when the id could leave the folder. */
export function backupPath(dir: string, id: string): string {
  const root = path.resolve(dir);
  const resolved = path.resolve(root, id);
  if (!BACKUP_ID.test(id) || id === '.' || id === '..' || path.dirname(resolved) !== root) {
    throw new Error(`invalid backup id: ${JSON.stringify(id)}`);
  }
  return resolved;
}

/** Reads name and time back out of an id; null for files that are not backups. */
export function parseBackupId(id: string): { name: string; createdAt: number } | null {
  const match = STAMP.exec(id);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, name] = match;
  const createdAt = Date.parse(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  return Number.isNaN(createdAt) || !name ? null : { name, createdAt };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Builds the three backup handlers over one folder. */
export function createBackupHandlers(deps: BackupDeps) {
  const now = deps.now ?? Date.now;

  const sessions = deps.sessions ?? createWriteSessions();

  /** A fresh id for a backup named `name` now, and its time. */
  async function reserve(name: string): Promise<{ id: string; createdAt: number }> {
    await mkdir(deps.dir, { recursive: true });
    const createdAt = now();
    const base = backupIdFor(name, createdAt);
    let id = base;
    // Two backups in the same millisecond must not overwrite each other.
    for (let n = 2; await exists(backupPath(deps.dir, id)); n++) {
      id = `${base.slice(0, -SUFFIX.length)}-${n}${SUFFIX}`;
    }
    return { id, createdAt };
  }

  async function writeBackup({ name, text }: { name: string; text: string }): Promise<BackupInfo> {
    const { id, createdAt } = await reserve(name);
    const target = backupPath(deps.dir, id);
    // The temp name never matches STAMP's ".json" ending, so listBackups skips it.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const parsed = parseBackupId(id);
    return { id, name: parsed?.name ?? sanitizeBackupName(name), createdAt, bytes: Buffer.byteLength(text, 'utf8') };
  }

  async function listBackups(): Promise<BackupInfo[]> {
    let entries: string[];
    try {
      entries = await readdir(deps.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const backups: BackupInfo[] = [];
    for (const id of entries) {
      const parsed = BACKUP_ID.test(id) ? parseBackupId(id) : null;
      if (!parsed) continue;
      const info = await stat(path.join(deps.dir, id)).catch(() => null);
      if (!info?.isFile()) continue;
      backups.push({ id, name: parsed.name, createdAt: parsed.createdAt, bytes: info.size });
    }
    // Newest first; ids sort by time, so they break ties stably.
    return backups.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  }

  async function readBackup({ id }: { id: string }): Promise<{ id: string; text: string }> {
    const file = backupPath(deps.dir, id);
    try {
      return { id, text: await readFile(file, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`backup not found: ${id}`, { cause: error });
      throw error;
    }
  }

  /** Begins a backup written in pieces (write-sessions.ts); `finishWrite` returns its listing. */
  async function beginBackupFile({ name }: { name: string }): Promise<{ token: string }> {
    const { id, createdAt } = await reserve(name);
    const parsed = parseBackupId(id);
    const token = await sessions.begin(backupPath(deps.dir, id), (bytes) => ({
      backup: { id, name: parsed?.name ?? sanitizeBackupName(name), createdAt, bytes } satisfies BackupInfo,
    }));
    return { token };
  }

  /** Up to READ_CHUNK_BYTES of a backup from byte `offset`, cut on a character; `nextOffset` null at the end. */
  async function readBackupChunk({ id, offset }: { id: string; offset: number }): Promise<{ text: string; nextOffset: number | null }> {
    const file = backupPath(deps.dir, id);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`backup not found: ${id}`, { cause: error });
      throw error;
    }
    try {
      const buffer = new Uint8Array(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK_BYTES, offset);
      const whole = bytesRead < READ_CHUNK_BYTES ? bytesRead : utf8Boundary(buffer.subarray(0, bytesRead));
      const text = Buffer.from(buffer.buffer, 0, whole).toString('utf8');
      return { text, nextOffset: bytesRead < READ_CHUNK_BYTES ? null : offset + whole };
    } finally {
      await handle.close();
    }
  }

  /** Deletes a backup (rotation); false when there was none. */
  async function removeBackup({ id }: { id: string }): Promise<{ removed: boolean }> {
    const file = backupPath(deps.dir, id);
    if (!(await exists(file))) return { removed: false };
    await rm(file);
    return { removed: true };
  }

  return { writeBackup, listBackups, readBackup, beginBackupFile, readBackupChunk, removeBackup };
}
