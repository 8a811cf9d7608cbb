import { describe, expect, it } from 'vitest';
import { collectCases, matchesFilter, measureCase, resolveRuns } from '../../bench/lib/runner';
import { defineBenchCase } from '../../bench/lib/types';

/** A fake clock that each timed run advances by a known amount. */
function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => { time += ms; } };
}

describe('resolveRuns', () => {
  it('uses --runs, else the case\'s count capped by --quick, else 10', () => {
    expect(resolveRuns({ runs: 20 }, { quick: false, runs: 4 })).toBe(4);
    expect(resolveRuns({ runs: 20 }, { quick: false })).toBe(20);
    expect(resolveRuns({ runs: 20 }, { quick: true })).toBe(3);
    expect(resolveRuns({ runs: 2 }, { quick: true })).toBe(2);
    expect(resolveRuns({}, { quick: false })).toBe(10);
  });
});

describe('measureCase', () => {
  it('drops one warm-up, times only run, and alternates case and baseline', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    let caseRun = 0;
    const benchCase = defineBenchCase<number, number>({
      name: 'c',
      unit: 'ms',
      setup: () => { calls.push('setup'); clock.advance(1000); return 7; },
      run: (state) => { calls.push(`case(${state})`); caseRun++; clock.advance(caseRun * 10); },
      teardown: () => { calls.push('teardown'); clock.advance(1000); },
      baseline: { name: 'b', run: () => { calls.push('base'); clock.advance(5); } },
      budget: { maxRatio: 2 },
    });
    const measured = await measureCase(benchCase, { quick: false, runs: 3 }, clock.now);
    expect(measured.samples).toEqual([20, 30, 40]); // warm-up (10) dropped
    expect(measured.baseline).toEqual({ name: 'b', samples: [5, 5, 5] });
    expect(measured.budget).toEqual({ maxRatio: 2 });
    expect(calls.slice(0, 8)).toEqual([
      'setup', 'case(7)', 'teardown', 'base', // warm-up: case first
      'base', 'setup', 'case(7)', 'teardown', // then baseline first
    ]);
  });

  it('records the sample a run returns instead of its time', async () => {
    const measured = await measureCase(
      defineBenchCase({ name: 'size', unit: 'KB', run: () => ({ sample: 42 }) }),
      { quick: true },
      () => 0,
    );
    expect(measured.samples).toEqual([42, 42, 42]); // --quick: 3 runs
  });

  it('tears down even when a run throws, and passes the error on', async () => {
    let tornDown = false;
    const failing = defineBenchCase({
      name: 'boom', unit: 'ms',
      run: () => { throw new Error('boom'); },
      teardown: () => { tornDown = true; },
    });
    await expect(measureCase(failing, { quick: true }, () => 0)).rejects.toThrow('boom');
    expect(tornDown).toBe(true);
  });
});

describe('collectCases', () => {
  const run = () => undefined;

  it('reads benchCase, benchCases, or a module that is itself a case', () => {
    const cases = collectCases({
      'a.bench.ts': { benchCase: { name: 'a', unit: 'ms', run } },
      'b.bench.ts': { benchCases: [{ name: 'b1', unit: 'ms', run }, { name: 'b2', unit: 'ms', run }] },
      'c.bench.ts': { name: 'c', unit: 'ms', run },
    });
    expect(cases.map((c) => c.name)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('names the module that declares no case, and both modules of a duplicate name', () => {
    expect(() => collectCases({ 'x.bench.ts': { something: 1 } })).toThrow('x.bench.ts');
    expect(() => collectCases({
      'a.bench.ts': { benchCase: { name: 'same', unit: 'ms', run } },
      'b.bench.ts': { benchCase: { name: 'same', unit: 'ms', run } },
    })).toThrow(/a\.bench\.ts and b\.bench\.ts/);
  });
});

describe('matchesFilter', () => {
  it('matches a case-insensitive substring, and everything without a filter', () => {
    expect(matchesFilter('storage: write 10 000 cards', 'STORAGE')).toBe(true);
    expect(matchesFilter('fsrs: schedule', 'storage')).toBe(false);
    expect(matchesFilter('anything', undefined)).toBe(true);
  });
});
