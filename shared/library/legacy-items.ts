/**
 * Items stored before inline trees (migration 003): their `text`, `rationale` and CSV
 * `answer` held inline Markdown source (`==` markers, `**`, `&amp;`), and Mermaid labels a
 * literal `\n`. This re-derives what today's importers store: the plain reading and a tree,
 * by the same reader (inline-source.ts), so every reader sees one shape and re-import
 * matching compares plain text with plain text. Pure.
 */
import type { ItemRecord, PackKind, SourceFormat } from '../model';
import { readInlineSource } from '../import/markdown/inline-source';
import { inlineFromPlain, storedInline } from '../text/inline-text';

/** `[text][label]` and `[text][]`: the stored step lost the file's definitions, so each gets a stand-in. */
const REFERENCE = /\[([^[\]]+)\]\[([^[\]]*)\]/g;

function standInDefinitions(source: string): string {
  const labels = new Set<string>();
  for (const match of source.matchAll(REFERENCE)) labels.add((match[2] || match[1] || '').trim());
  return [...labels]
    .filter((label) => label !== '')
    .map((label) => `[${label.replace(/[[\]]/g, '')}]: #`)
    .join('\n');
}

function readLegacy(source: string, breaks: 'soft' | 'hard') {
  return readInlineSource(source, { lineBreaks: breaks }, standInDefinitions(source));
}

/** The item as today's importer of its pack's format would have stored it. */
export function upgradeLegacyItem(item: ItemRecord, pack: { format: SourceFormat; kind: PackKind }): ItemRecord {
  const upgraded: ItemRecord = { ...item };
  delete upgraded.inline;
  if (pack.kind === 'tree' && (pack.format === 'mermaid' || pack.format === 'markdown')) {
    // Mermaid labels were plain already; a literal "\n" is the line break Mermaid draws.
    upgraded.text = item.text.replace(/\\n/g, '\n');
    const inline = storedInline(inlineFromPlain(upgraded.text));
    if (inline) upgraded.inline = inline;
    return upgraded;
  }
  const breaks = pack.format === 'markdown' ? 'soft' : 'hard';
  const text = readLegacy(item.text, breaks);
  upgraded.text = text.plain;
  const inline = storedInline(text.tree);
  if (inline) upgraded.inline = inline;
  if (text.keyValues.length > 0 || pack.format === 'markdown') upgraded.keyValues = text.keyValues;
  if (item.rationale !== undefined) {
    const rationale = readLegacy(item.rationale, breaks);
    upgraded.rationale = rationale.plain;
    const tree = storedInline(rationale.tree);
    if (tree) upgraded.rationaleInline = tree;
  }
  if (item.answer !== undefined) {
    const answer = readLegacy(item.answer, breaks);
    upgraded.answer = answer.plain;
    const tree = storedInline(answer.tree);
    if (tree) upgraded.answerInline = tree;
  }
  return upgraded;
}
