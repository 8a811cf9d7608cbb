/**
 * Files written in pieces over IPC (a collection export, a backup of a million answers): a
 * session writes to a temp file beside its target, and only `finish` renames it into place, so a
 * file under its real name is always whole — a crash, a kill or an `abort` leaves at most a temp
 * file (`*.tmp`, never listed as a backup, removed by the next `abort` or start).
 *
 * Invariants: tokens are random and unguessable; at most MAX_SESSIONS are open at once (an
 * abandoned session cannot pile up open files); a session ends exactly once.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, rename, rm } from 'node:fs/promises';

export const MAX_SESSIONS = 8;

interface Session {
  target: string;
  temp: string;
  handle: FileHandle;
  bytes: number;
  /** Runs after the rename (a backup returns its listing). */
  onFinish: (bytes: number) => unknown;
}

export interface WriteSessions {
  /** Opens a temp file for `target`; resolves to the session's token. */
  begin(target: string, onFinish: (bytes: number) => unknown): Promise<string>;
  append(token: string, text: string): Promise<void>;
  /** Flushes, closes and renames into place; resolves to what `onFinish` returned. */
  finish(token: string): Promise<unknown>;
  abort(token: string): Promise<void>;
}

export function createWriteSessions(): WriteSessions {
  const sessions = new Map<string, Session>();
  const take = (token: string): Session => {
    const session = sessions.get(token);
    if (!session) throw new Error('no such file being written (it was finished, aborted, or never begun)');
    return session;
  };
  async function discard(session: Session): Promise<void> {
    await session.handle.close().catch(() => undefined);
    await rm(session.temp, { force: true });
  }
  return {
    async begin(target, onFinish) {
      if (sessions.size >= MAX_SESSIONS) throw new Error(`too many files being written at once (${MAX_SESSIONS})`);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temp, 'wx');
      const token = randomBytes(16).toString('hex');
      sessions.set(token, { target, temp, handle, bytes: 0, onFinish });
      return token;
    },
    async append(token, text) {
      const session = take(token);
      try {
        const { bytesWritten } = await session.handle.write(text, null, 'utf8');
        session.bytes += bytesWritten;
      } catch (error) {
        // A failed write (disk full) ends the session: nothing half-written stays behind.
        sessions.delete(token);
        await discard(session);
        throw error;
      }
    },
    async finish(token) {
      const session = take(token);
      sessions.delete(token);
      try {
        await session.handle.sync();
        await session.handle.close();
        await rename(session.temp, session.target);
      } catch (error) {
        await discard(session);
        throw error;
      }
      return session.onFinish(session.bytes);
    },
    async abort(token) {
      const session = sessions.get(token);
      if (!session) return;
      sessions.delete(token);
      await discard(session);
    },
  };
}
