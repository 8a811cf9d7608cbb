/**
 * A Mermaid chart pasted into a Markdown file without its ```mermaid fence reads as a
 * paragraph of arrows, in Kata and in the author's own renderer alike: an error that says
 * what it looks like and how to fence it, rather than a checklist of one odd step.
 */
import type { Root } from 'mdast';
import type { ImportIssue } from '../../model';
import { issueAt } from '../result';
import { nodesOfType, plainText, startOf } from './mdast';

const HEADER = /^\s*(flowchart|graph)(?:[ \t]+(TB|TD|BT|RL|LR))?[ \t]*;?[ \t]*$/i;
const LINK = /--+>|==+>|-\.+->|---|--\s|\|[^|\n]*\|/;

/** The error for the first unfenced chart of a file, if it has one. */
export function unfencedChartError(root: Root, file: string): ImportIssue | undefined {
  for (const paragraph of nodesOfType(root, 'paragraph')) {
    const lines = plainText(paragraph).split('\n');
    const header = HEADER.exec(lines[0] ?? '');
    if (!header || !lines.slice(1).some((line) => LINK.test(line))) continue;
    const at = startOf(paragraph);
    const written = `${header[1]}${header[2] ? ` ${header[2]}` : ''}`;
    return issueAt(
      file,
      at.line,
      at.col,
      `this looks like a Mermaid flowchart ("${written}") without its code fence, so Markdown reads it as text: put a line \`\`\`mermaid before it and a line \`\`\` after it, or save the chart alone as a .mmd file`,
    );
  }
  return undefined;
}
