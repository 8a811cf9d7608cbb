/**
 * Which JavaScript a built page loads before it can run: the module scripts its HTML names,
 * the modules it preloads, and everything those import statically — never what they load
 * with `import()` (lazy chunks: a screen, the parsers, a chart) or start as workers. Pure:
 * files are read through `read`, so bench/node/initial-js.bench.ts measures dist/renderer
 * and test/bench/initial-js.test.ts checks the rules on small made-up builds.
 */

/** Paths relative to the HTML file's folder, as written (`./assets/index-x.js` → `assets/index-x.js`). */
function clean(path: string): string {
  return path.replace(/^\.\//, '');
}

/** The module scripts and module preloads of a page, in the order written. */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /\btype=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    const src = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isModule || isPreload) && src && !/^[a-z]+:/i.test(src)) found.push(clean(src));
  }
  return found;
}

/**
 * The relative modules a built chunk imports statically: `import … from"./x.js"` and
 * `import"./x.js"` (also `export … from`). `import("./x.js")` is a lazy load and not matched.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/** Joins a relative import onto the folder of the file that makes it (`assets/a.js` + `./b.js` → `assets/b.js`). */
export function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Every JavaScript file the page loads initially, entries first, each once. */
export function initialScripts(html: string, read: (path: string) => string): string[] {
  const seen = new Set<string>();
  const queue = entryScripts(html);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const specifier of staticImports(read(path))) queue.push(resolveRelative(path, specifier));
  }
  return [...seen];
}
