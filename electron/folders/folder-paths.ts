/**
 * Which paths inside a library folder Kata looks at. The scanner lists, the reader
 * reads and the watcher reacts to the same files: those outside hidden folders
 * (.git, .github, .obsidian ...) and node_modules.
 */

/** Folders never entered: hidden ones (.git included) and node_modules. */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The segments of a relative path, whichever separator it uses ('a/b\\c' -> a, b, c). */
export function pathSegments(relativePath: string): string[] {
  return relativePath.split(/[\\/]/);
}

/**
 * True when a change at `relativePath` (as fs.watch reports it) may change what a
 * scan lists. Only changes inside or to skipped entries are ignored: a name without
 * an importable extension may still be a folder that was added, renamed or removed.
 */
export function isRelevantChange(relativePath: string | null | undefined): boolean {
  // Without a name the platform did not say what changed: assume it matters.
  if (!relativePath) return true;
  return !pathSegments(relativePath)
    .filter((segment) => segment !== '')
    .some(isSkippedFolderName);
}
