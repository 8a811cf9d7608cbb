/**
 * The one wording of a failed write. A full disk (or the browser's storage quota for Kata
 * used up) is told apart from other failures: it names what was not saved and asks for the
 * one thing that helps, freeing disk space, and never for anything that itself needs room
 * to write (an export, a backup, an import). Every write is one IndexedDB transaction, so a
 * failed one left nothing half-written; the message says so.
 */
import { isQuotaError } from '../storage/storage-errors';

/** The error's own message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a full disk means for this write, for `what` (e.g. "Your answer"). */
export function quotaMessage(what: string): string {
  return (
    `${what} was not saved: there is no room left to store it (the disk is full, or the storage this browser allows Kata is used up). ` +
    'Nothing was half-written: everything saved before is as it was. Free some disk space, then try again.'
  );
}

/**
 * The message for a failed write of `what` (e.g. "Your answer"): the quota message when
 * the disk is full, otherwise `otherwise` given the error's own message.
 */
export function writeFailureMessage(what: string, error: unknown, otherwise: (detail: string) => string): string {
  return isQuotaError(error) ? quotaMessage(what) : otherwise(describeError(error));
}
