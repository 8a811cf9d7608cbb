import { describe, expect, test, vi } from 'vitest';
import { startAutomaticBackups } from '../../../renderer/state/collection/automatic-backups';
import { PRACTICE_BACKUP_MS } from '../../../renderer/state/collection/collection-service';

function harness(lastAnswerAt: { value: number | undefined }) {
  let clock = 1_000_000;
  let tick: (() => void) | undefined;
  const collection = { backup: vi.fn(async () => ({ id: 'b', name: 'b', createdAt: clock, bytes: 1 })), backupIfDue: vi.fn(async () => null) };
  const stop = startAutomaticBackups({
    collection,
    lastAnswerAt: async () => lastAnswerAt.value,
    now: () => clock,
    setInterval: (run, ms) => {
      expect(ms).toBe(PRACTICE_BACKUP_MS);
      tick = run;
      return 1;
    },
    clearInterval: () => (tick = undefined),
  });
  const advance = async (ms: number) => {
    clock += ms;
    tick?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { collection, stop, advance, now: () => clock };
}

describe('automatic backups', () => {
  test('at start when due, then every 30 minutes only when the person answered since the last', async () => {
    const answered = { value: undefined as number | undefined };
    const { collection, advance, now, stop } = harness(answered);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collection.backupIfDue).toHaveBeenCalledTimes(1);
    await advance(PRACTICE_BACKUP_MS);
    expect(collection.backup).not.toHaveBeenCalled();
    answered.value = now() + 1;
    await advance(PRACTICE_BACKUP_MS);
    expect(collection.backup).toHaveBeenCalledWith('practice');
    await advance(PRACTICE_BACKUP_MS);
    expect(collection.backup).toHaveBeenCalledTimes(1);
    stop();
    answered.value = now() + 10;
    await advance(PRACTICE_BACKUP_MS);
    expect(collection.backup).toHaveBeenCalledTimes(1);
  });
});
