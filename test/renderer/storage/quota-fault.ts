/**
 * A full disk, as Chromium reports it: a read-write transaction that wrote to one of the
 * chosen stores is aborted at commit with a QuotaExceededError — every write it made rolled
 * back — and Dexie rejects the transaction with an AbortError whose `inner` is that error.
 * Installed on fake-indexeddb's own transaction class (no Kata code is changed); returns the
 * function that removes it. `after`: how many such commits succeed before the disk is full.
 */
import { IDBTransaction } from 'fake-indexeddb';

interface FakeTransaction {
  mode: string;
  error: unknown;
  _state: string;
  _scope: Set<string>;
  _abort(errName: string | null): void;
  _markFinished(): void;
}

export function failCommitsWithQuota(stores: readonly string[], options: { after?: number } = {}): () => void {
  // Commits to let through first (e.g. the first pack of an import).
  let letThrough = options.after ?? 0;
  const proto = IDBTransaction.prototype as unknown as FakeTransaction;
  const original = proto._markFinished;
  const failing = new WeakSet<object>();
  proto._markFinished = function markFinished(this: FakeTransaction) {
    const committing = this.mode === 'readwrite' && !this.error && this._state !== 'finished' && !failing.has(this);
    if (committing && stores.some((store) => this._scope.has(store)) && letThrough-- <= 0) {
      failing.add(this);
      // Rolls back every write of the transaction, sets its error and fires `abort` (then finishes it).
      this._abort('QuotaExceededError');
      return;
    }
    original.call(this);
  };
  return () => {
    proto._markFinished = original;
  };
}
