/**
 * The app build holds only the app: checked on the resolved Vite configs, without building.
 * (What a real build writes is checked by hand; see the README's Commands.)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from 'vite';
import type { ResolvedConfig } from 'vite';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function resolveBuild(configFile: string): Promise<ResolvedConfig> {
  return resolveConfig({ configFile: path.join(REPO, configFile), root: path.join(REPO, 'renderer'), logLevel: 'silent' }, 'build', 'production');
}

/** Where a resolved config writes, relative to the repository (Vite keeps outDir relative to its root). */
function outDirOf(config: ResolvedConfig): string {
  return path.relative(REPO, path.resolve(config.root, config.build.outDir));
}

/** The entry files of a resolved config, whichever form (string, array, record) names them. */
function inputsOf(config: ResolvedConfig): string[] {
  const input = config.build.rolldownOptions.input;
  const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
  return entries.map((entry) => path.relative(REPO, entry));
}

describe('vite.config.ts (the app)', () => {
  it('builds index.html alone, into dist/renderer, without source maps', async () => {
    const config = await resolveBuild('vite.config.ts');
    expect(inputsOf(config)).toEqual([path.join('renderer', 'index.html')]);
    expect(outDirOf(config)).toBe(path.join('dist', 'renderer'));
    expect(config.build.sourcemap).toBe(false);
  });
});

describe('vite.bench.config.ts (the benchmark page)', () => {
  it('builds bench.html alone, into a folder of its own', async () => {
    const config = await resolveBuild('vite.bench.config.ts');
    expect(inputsOf(config)).toEqual([path.join('renderer', 'bench.html')]);
    expect(outDirOf(config)).toBe(path.join('dist', 'bench'));
  });

  it('uses the app’s plugins and aliases, so cases measure the app’s code', async () => {
    const [app, bench] = await Promise.all([resolveBuild('vite.config.ts'), resolveBuild('vite.bench.config.ts')]);
    const names = (config: ResolvedConfig) => config.plugins.map((plugin) => plugin.name);
    expect(names(bench)).toEqual(names(app));
    expect(bench.resolve.alias).toEqual(app.resolve.alias);
  });
});
