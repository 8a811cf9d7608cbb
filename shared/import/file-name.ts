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

/** The file name without folders and extension: the last-resort pack title. */
export function fileTitle(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || base || 'Untitled';
}
