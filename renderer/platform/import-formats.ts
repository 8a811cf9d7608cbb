/**
 * The file formats Kata imports (see shared/design/formats.md). Both the file
 * chooser's filter and the Library's explanation are built from this one list,
 * so they cannot disagree.
 */
export interface ImportFormat {
  label: string;
  /** What a file of this kind becomes. */
  becomes: string;
  extensions: readonly string[];
}

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  { label: 'Markdown checklist', becomes: 'ordered steps, sections, key values and their why', extensions: ['.md', '.markdown'] },
  { label: 'Mermaid flowchart', becomes: 'a decision tree to walk in simulations', extensions: ['.mmd', '.mermaid'] },
  { label: 'YAML or JSON tree', becomes: 'a decision tree with rationale per branch', extensions: ['.yaml', '.yml', '.json'] },
  { label: 'CSV', becomes: 'question-and-answer cards, one per row', extensions: ['.csv'] },
];

/** The `accept` attribute of a file input: every extension above. */
export const IMPORT_ACCEPT = IMPORT_FORMATS.flatMap((format) => format.extensions).join(',');
