/**
 * electron-builder.yml and the package.json metadata it reads: valid against electron-builder's
 * own schema, shipping only the app, and giving the deb package what it refuses to build without.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const config = parse(readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  author?: { name?: string; email?: string; url?: string };
  homepage?: string;
  repository?: { url?: string };
};

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    const quiet = { isEnabled: false } as Parameters<typeof validateConfiguration>[1];
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('ships the app bundles and package.json, nothing else that is built into dist/', () => {
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
  });

  it('publishes nothing, though package.json names a GitHub repository', () => {
    expect(config.publish).toBeNull();
  });

  it('gives the deb package a maintainer in "Name <contact>" form and a homepage', () => {
    // electron-builder's deb target stops with an error when either is missing.
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^<>\s]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });
});

describe('package.json metadata', () => {
  it('names the project as author, with its repository', () => {
    expect(pkg.author?.name).toBe('The Kata project');
    expect(pkg.author?.url).toBe(pkg.homepage);
    expect(pkg.repository?.url).toContain(pkg.homepage?.replace(/^https:\/\//, ''));
    expect(config.linux?.maintainer).toContain(pkg.homepage);
  });
});
