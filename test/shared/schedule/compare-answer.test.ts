import { describe, expect, it } from 'vitest';
import { answersMatch, normalizeAnswer, orderDistance, sequenceCorrect } from '../../../shared/schedule/compare-answer';

describe('answersMatch', () => {
  it.each([
    ['Shadow Traffic', 'shadow traffic'],
    ['  shadow   traffic ', 'shadow traffic'],
    ['shadow traffic.', 'shadow traffic'],
    ['"shadow traffic"', 'shadow traffic'],
    ['re-run', 'rerun'],
    ['don’t', "don't"],
    ['p99, latency', 'p99 latency'],
    ['1,000', '1000'],
    ['1,000,000 rows', '1000000 rows'],
    ['12 500', '12500'],
    ['1,000.5', '1000.5'],
    ['5 %', '5%'],
    ['5%', '5 %'],
    ['０.５％', '0.5%'], // full-width forms (NFKC)
    ['café', 'cafe\u0301'], // composed and decomposed é
    ['0,5', '0.5'], // decimal comma
    ['−5', '-5'], // typographic minus
    ['24h', '24h'],
  ])('%j matches %j', (given, expected) => {
    expect(answersMatch(given, expected)).toBe(true);
  });

  it.each([
    ['0.005', '0.05'],
    ['0.5', '5'],
    ['-5', '5'],
    ['1/2', '12'],
    ['10:30', '1030'],
    ['5%', '5'],
    ['100', '1000'],
    ['0,005', '5'], // not a thousands group: leading zero
    ['shadow traffic', 'shadow trafic'],
    ['24h', '48h'],
  ])('%j does not match %j', (given, expected) => {
    expect(answersMatch(given, expected)).toBe(false);
  });

  it('shows the compared form', () => {
    expect(normalizeAnswer('  Ramp to 5 % , then 1,000 RPS! ')).toBe('ramp to 5% then 1000 rps');
  });
});

describe('orderDistance', () => {
  const right = ['a', 'b', 'c', 'd'];

  it('is 0 for the right order and 1 for the reverse', () => {
    expect(orderDistance(right, right)).toBe(0);
    expect(orderDistance([...right].reverse(), right)).toBe(1);
  });

  it('is the share of pairs in the wrong order', () => {
    expect(orderDistance(['b', 'a', 'c', 'd'], right)).toBeCloseTo(1 / 6);
    expect(orderDistance(['a', 'c', 'd', 'b'], right)).toBeCloseTo(2 / 6);
  });

  it('treats equal items as interchangeable', () => {
    expect(orderDistance(['x', 'y', 'x'], ['x', 'y', 'x'])).toBe(0);
    expect(orderDistance(['x', 'x', 'y'], ['x', 'y', 'x'])).toBeCloseTo(1 / 3);
  });

  it('is 1 when items are missing or foreign, 0 for nothing to order', () => {
    expect(orderDistance(['a', 'b', 'c'], right)).toBe(1);
    expect(orderDistance(['a', 'b', 'c', 'e'], right)).toBe(1);
    expect(orderDistance([], [])).toBe(0);
    expect(orderDistance(['a'], ['a'])).toBe(0);
  });

  it('sequenceCorrect only for the exact order', () => {
    expect(sequenceCorrect(right, right)).toBe(true);
    expect(sequenceCorrect(['a', 'b', 'd', 'c'], right)).toBe(false);
  });
});
