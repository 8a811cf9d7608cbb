/** File names as parsers need them: the extension to dispatch on, the base name as a fallback title. */

/** The file name without folders. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Lower-case extension with its dot (`.md`), or '' when there is none. */
export function fileExtension(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The last-resort pack title, the same for every format: the file name without folders,
 * extension and a leading number, `-`/`_` as spaces, first letter capitalised
 * ("01-uppmax-login-decision-tree.mmd" -> "Uppmax login decision tree").
 */
export function fileTitle(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base) || base;
  const words = stem.replace(/^\d+[-_. ]+/, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return stem.trim() || 'Untitled';
  return words.charAt(0).toUpperCase() + words.slice(1);
}
