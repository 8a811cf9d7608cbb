import { describe, expect, it } from 'vitest';
import { entryScripts, initialScripts, resolveRelative, staticImports } from '../../bench/lib/initial-js';

const html = `<!doctype html><head>
<script type="module" crossorigin src="./assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="./assets/runtime-b.js">
<link rel="stylesheet" href="./assets/index.css">
<script src="https://example.org/x.js"></script>
</head>`;

describe('initial JavaScript of a built page', () => {
  it('takes module scripts and module preloads, not styles or other origins', () => {
    expect(entryScripts(html)).toEqual(['assets/index-a.js', 'assets/runtime-b.js']);
  });

  it('follows static imports but not import()', () => {
    const code = 'import{a as b}from"./shared-c.js";import"./side-d.js";export{x}from"./re-e.js";const s=()=>import("./lazy-f.js");';
    expect(staticImports(code)).toEqual(['./shared-c.js', './side-d.js', './re-e.js']);
  });

  it('resolves relative paths against the importing file', () => {
    expect(resolveRelative('assets/a.js', './b.js')).toBe('assets/b.js');
    expect(resolveRelative('assets/x/a.js', '../b.js')).toBe('assets/b.js');
  });

  it('collects the whole static graph once per file, leaving lazy chunks out', () => {
    const files: Record<string, string> = {
      'assets/index-a.js': 'import"./shared-c.js";import("./lazy-f.js")',
      'assets/runtime-b.js': '',
      'assets/shared-c.js': 'import"./runtime-b.js"',
      'assets/lazy-f.js': 'import"./only-lazy-g.js"',
    };
    const read = (path: string) => {
      const code = files[path];
      if (code === undefined) throw new Error(`read ${path}`);
      return code;
    };
    expect(initialScripts(html, read)).toEqual(['assets/index-a.js', 'assets/runtime-b.js', 'assets/shared-c.js']);
  });
});
