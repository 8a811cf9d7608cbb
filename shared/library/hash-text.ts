/**
 * A fast, stable fingerprint of a file's text, for noticing that a source changed
 * since its last import. Not cryptographic: two 32-bit FNV-1a passes with different
 * offsets make accidental collisions on edited files practically impossible.
 */

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 16 hex digits identifying the text; equal texts give equal hashes. */
export function hashText(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
  return a + b;
}
