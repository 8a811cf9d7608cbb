/** Persistent storage and the storage estimate, over a stand-in StorageManager. */
import { describe, expect, test, vi } from 'vitest';
import { createPlatformStorage } from '../../../renderer/platform/storage-status';
import type { StorageManagerLike } from '../../../renderer/platform/storage-status';

function manager(granted: boolean, estimate: { usage?: number; quota?: number } = { usage: 2_048, quota: 10_240 }) {
  let persisted = false;
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = granted;
      return granted;
    }),
    estimate: vi.fn(async () => estimate),
  } satisfies StorageManagerLike;
  return storage;
}

describe('platform storage', () => {
  test('the browser asks for persistence once, and reports what it was given with use and quota', async () => {
    const storage = manager(true);
    const platform = createPlatformStorage({ manager: () => storage, alwaysPersisted: false });
    expect(await platform.status()).toEqual({ persisted: false, usage: 2_048, quota: 10_240 });
    expect(await platform.requestPersistence()).toBe(true);
    expect(await platform.requestPersistence()).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await platform.status()).toEqual({ persisted: true, usage: 2_048, quota: 10_240 });
  });

  test('a refusal, a throwing or a missing StorageManager reads as not persisted, never as an error', async () => {
    expect(await createPlatformStorage({ manager: () => manager(false), alwaysPersisted: false }).requestPersistence()).toBe(false);
    const throwing: StorageManagerLike = { persist: () => Promise.reject(new Error('denied')), persisted: () => Promise.reject(new Error('denied')) };
    const failing = createPlatformStorage({ manager: () => throwing, alwaysPersisted: false });
    expect(await failing.requestPersistence()).toBe(false);
    expect(await failing.status()).toEqual({ persisted: false });
    expect(await createPlatformStorage({ manager: () => undefined, alwaysPersisted: false }).status()).toEqual({ persisted: false });
  });

  test('the desktop app counts as persisted without asking, and still reports use', async () => {
    const storage = manager(false, { usage: 5 });
    const platform = createPlatformStorage({ manager: () => storage, alwaysPersisted: true });
    expect(await platform.requestPersistence()).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
    expect(await platform.status()).toEqual({ persisted: true, usage: 5 });
  });
});
