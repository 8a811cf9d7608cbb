/**
 * Which files Kata can import, by name: the one list the file dialog's filter,
 * the authoring CLI and the library-folder scanner share (formats.md).
 */
import { fileExtension } from './file-name';

/** Extensions Kata imports, lower-case with their dot. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mmd', '.mermaid', '.yaml', '.yml', '.json', '.csv'];

/** True when a file of this name (or path) has an extension Kata imports, in any letter case. */
export function isImportableFileName(name: string): boolean {
  return IMPORTABLE_EXTENSIONS.includes(fileExtension(name));
}
