/**
 * One accessibility rule for every screen: axe-core's WCAG 2.1 A and AA rules,
 * run in the page as it is shown. Each violation comes back as one readable
 * line (rule, the elements it found, and axe's summary of what to fix), so a
 * failing expectation says what is wrong without a second run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);

/** The WCAG 2.1 AA conformance level, as axe-core tags its rules. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

let axeSource: string | undefined;

/**
 * Puts axe-core into the page once. The app's Content-Security-Policy
 * (script-src 'self') blocks page.addScriptTag, which adds an inline script;
 * page.evaluate runs the source through DevTools instead, which the CSP does not
 * govern. So the check needs no bypassCSP, and the page keeps its real policy.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(axeSource);
}

/** The WCAG 2.1 AA violations on the page as it is now, one line each (empty: none). */
export async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...WCAG_21_AA] }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    (runOptions) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, runOptions),
    options,
  );
  return results.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
    return [`${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`, ...nodes].join('\n');
  });
}
