/**
 * The project's one non-cryptographic hash (32-bit FNV-1a): seeds derived from text
 * (a card id, a study day), and fingerprints of imported files. Stable across
 * machines and versions: stored hashes and replayed seeds depend on it.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of `text`'s UTF-16 code units, from `offset` (the standard basis by default). */
export function hash32(text: string, offset: number = FNV_OFFSET): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/**
 * 16 hex digits identifying a file's text, for noticing that a source changed since its
 * last import: two FNV-1a passes with different offsets make accidental collisions on
 * edited files practically impossible. Equal texts give equal hashes.
 */
export function hashText(text: string): string {
  const a = hash32(text).toString(16).padStart(8, '0');
  const b = hash32(text, 0x050c5d1f).toString(16).padStart(8, '0');
  return a + b;
}
