import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/lib/args';

describe('parseBenchArgs', () => {
  it('defaults to a full run that builds first', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, build: true, strict: false, help: false });
  });

  it('reads every flag, with values as the next word or after =', () => {
    expect(parseBenchArgs(['--json', 'out/b.json', '--filter=storage', '--runs', '5', '--quick', '--no-build', '--strict']))
      .toEqual({ json: 'out/b.json', filter: 'storage', runs: 5, quick: true, build: false, strict: true, help: false });
  });

  it('refuses a missing value, a bad run count and unknown options', () => {
    expect(() => parseBenchArgs(['--json'])).toThrow('--json needs a value');
    expect(() => parseBenchArgs(['--filter', '--quick'])).toThrow('--filter needs a value');
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs');
    expect(() => parseBenchArgs(['--runs', '2.5'])).toThrow('--runs');
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option "--fast"');
  });
});
