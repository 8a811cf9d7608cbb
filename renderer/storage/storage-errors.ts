/**
 * What kind of failure a storage error is, whatever shape it arrives in: a DOMException
 * from IndexedDB, Dexie's own error of the same name, or Dexie's AbortError/BulkError whose
 * `inner` (or `failures`) holds the real cause — a transaction that ran out of room is
 * aborted, and Dexie reports the abort with the quota error inside.
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Legacy DOMException code of QuotaExceededError. */
const QUOTA_CODE = 22;

function causesOf(error: unknown): unknown[] {
  if (typeof error !== 'object' || error === null) return [];
  const record = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  const failures = Array.isArray(record.failures) ? record.failures : [];
  return [record.inner, record.cause, ...failures].filter((cause) => cause !== undefined && cause !== null && cause !== error);
}

/** True when `error` (or any cause inside it) says the disk or the browser's storage quota is full. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (name === 'DOMException' || error instanceof DOMException) {
    if (code === QUOTA_CODE) return true;
  }
  return causesOf(error).some((cause) => isQuotaError(cause, depth + 1));
}
