/**
 * The app's first load carries no diagram code: React Flow, its CSS and dagre load only when
 * a scenario chart is first shown (renderer/features/simulate/chart/LazyScenarioChart.tsx).
 * Read from the build: index.html's own scripts and stylesheets, and what they import
 * statically, must not contain them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST_RENDERER } from './fixture';

/** Text only React Flow's code and CSS (`react-flow__pane`) or dagre's ranker (`network-simplex`) contain. */
const CHART_MARKERS = ['react-flow__pane', 'network-simplex'];

/** Files index.html loads, and every file they import statically (`import … from "./x.js"`), transitively. */
async function initialFiles(): Promise<Map<string, string>> {
  const html = await readFile(path.join(DIST_RENDERER, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const files = new Map<string, string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    const text = await readFile(path.join(DIST_RENDERER, file), 'utf8');
    files.set(file, text);
    // Static imports only: `import("./x.js")` is a lazily loaded chunk, which is the point.
    for (const match of text.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${match[1]}`);
  }
  return files;
}

describe('the first load', () => {
  test('has no React Flow, React Flow CSS or dagre in it', async () => {
    const files = await initialFiles();
    expect([...files.keys()].some((file) => file.endsWith('.js'))).toBe(true);
    for (const [file, text] of files) {
      for (const marker of CHART_MARKERS) expect(text.includes(marker), `${file} contains ${marker}`).toBe(false);
    }
  });
});
