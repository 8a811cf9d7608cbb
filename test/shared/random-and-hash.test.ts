/**
 * The project's one PRNG and one hash: values pinned, because stored file hashes,
 * replayed scenarios and shuffled drills depend on them staying exactly the same.
 */
import { describe, expect, test } from 'vitest';
import { hash32, hashText } from '../../shared/hash';
import { createRandom, shuffled } from '../../shared/random';

describe('hash32 / hashText', () => {
  test('is 32-bit FNV-1a (published test vectors)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
  });

  test('fingerprints a text in 16 hex digits, equal texts equally, and tells an edit apart', () => {
    const text = '## Rollout\n- [ ] Shadow traffic for ==24 hours==\n';
    expect(hashText(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashText(text)).toBe(hashText(`${text}`));
    expect(hashText(text)).not.toBe(hashText(text.replace('24', '48')));
    expect(hashText(text).slice(0, 8)).toBe(hash32(text).toString(16).padStart(8, '0'));
  });
});

describe('createRandom', () => {
  test('the same seed gives the same sequence; another seed another one', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const sequence = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sequence);
    expect(Array.from({ length: 20 }, () => createRandom(43).next())).not.toEqual(sequence);
    for (const value of sequence) expect(value >= 0 && value < 1).toBe(true);
  });

  test('is mulberry32 (seed 1 starts 0.62707394…, as the reference implementation does)', () => {
    const random = createRandom(1);
    expect([random.next(), random.next()].map((x) => Math.round(x * 1e9))).toEqual([627073941, 2735721]);
  });

  test('int, between, pick and shuffled stay in range and keep every element', () => {
    const random = createRandom(7);
    for (let i = 0; i < 500; i += 1) {
      const n = random.int(5);
      expect(Number.isInteger(n) && n >= 0 && n < 5).toBe(true);
      const m = random.between(3, 6);
      expect(m >= 3 && m <= 6).toBe(true);
    }
    expect(() => random.pick([])).toThrow(RangeError);
    const list = [1, 2, 3, 4, 5, 6];
    const out = shuffled(list, random);
    expect([...out].sort()).toEqual(list);
    expect(list).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
