/**
 * The statements after the header: `subgraph ... end`, `direction`, `style`,
 * `classDef`, `class`, `linkStyle`, `click` (read, never run), accessibility
 * lines, and node/link statements. Statements end at a line break or `;`.
 * Subgraphs are a stack, not recursion; their depth is limited.
 */
import type { ChartText } from './cursor';
import { isSpace, isWhitespace, skipSpaces, skipWhitespace, startsWithWord } from './cursor';
import type { GraphBuilder, SubgraphFrame } from './graph-builder';
import { readQuoted, readShapeLabel } from './labels';
import type { RawLabel } from './labels';
import { matchLink } from './links';
import { SHAPE_OPENERS } from './shapes';
import type { MermaidDirection, MermaidSubgraph } from './types';
import { readIdEnd, readVertexStatement } from './vertex-statement';
import { IMPORT_LIMITS } from '../limits';

const SQUARE = SHAPE_OPENERS.find((shape) => shape.open === '[')!;
const DIRECTION_STATEMENT = /^direction[ \t]+(TB|TD|BT|RL|LR)(?![A-Za-z0-9_])/;

/** Index of the end of the statement (line break, `;` or end of text) from `index`. */
function statementEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== ';') i += 1;
  return i;
}

/** Like statementEnd, but a `;` inside a quoted string does not end it (click targets and tooltips). */
function statementEndOutsideQuotes(text: string, index: number): number {
  let i = index;
  while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== ';') {
    if (text.charAt(i) === '"') {
      const close = text.indexOf('"', i + 1);
      i = close < 0 ? text.length : close + 1;
    } else i += 1;
  }
  return i;
}

class StatementReader {
  private readonly src: ChartText;
  private readonly text: string;
  private readonly builder: GraphBuilder;
  private readonly frames: SubgraphFrame[] = [];

  constructor(src: ChartText, builder: GraphBuilder) {
    this.src = src;
    this.text = src.text;
    this.builder = builder;
  }

  run(start: number): void {
    const { text } = this;
    let i = start;
    for (;;) {
      while (i < text.length && (isWhitespace(text.charAt(i)) || text.charAt(i) === ';')) i += 1;
      if (i >= text.length) break;
      i = this.statement(i);
    }
    const open = this.frames[this.frames.length - 1];
    if (open) this.src.fail(open.index, 'this subgraph is never closed: expected "end" before the end of the chart');
  }

  private get frame(): SubgraphFrame | undefined {
    return this.frames[this.frames.length - 1];
  }

  /** One statement at `i`; returns the index after it. */
  private statement(i: number): number {
    const { text, src } = this;
    const word = (name: string): boolean => startsWithWord(text, i, name);
    if (word('subgraph')) return this.openSubgraph(i);
    if (word('end')) return this.closeSubgraph(i);
    const direction = word('direction') ? DIRECTION_STATEMENT.exec(text.slice(i, statementEnd(text, i))) : null;
    if (direction) {
      const dir = (direction[1] === 'TD' ? 'TB' : direction[1]) as MermaidDirection;
      this.frame?.list.push({ dir });
      return statementEnd(text, i);
    }
    if (word('style')) return this.style(i);
    if (word('classDef')) return this.classDef(i);
    if (word('class')) return this.classStatement(i);
    if (word('linkStyle')) return this.linkStyle(i);
    if (text.startsWith('click', i) && isWhitespace(text.charAt(i + 5))) return this.click(i);
    const accessibility = word('accTitle') || word('accDescr') ? text.slice(i, statementEnd(text, i)) : '';
    if (/^acc(Title|Descr)\s*:/.test(accessibility)) return statementEnd(text, i);
    if (/^accDescr\s*\{/.test(accessibility)) {
      const close = text.indexOf('}', i);
      if (close < 0) src.fail(i, 'this accDescr { block is never closed: expected "}"');
      return close + 1;
    }
    if (word('graph') || word('flowchart')) src.fail(i, `a second "${word('graph') ? 'graph' : 'flowchart'}" header: a file holds one chart`);
    const statement = readVertexStatement(src, this.builder, i);
    this.frame?.list.push(...statement.nodes);
    return statement.end;
  }

  /** `subgraph`, `subgraph id`, `subgraph Title with spaces`, `subgraph "Title"`, `subgraph id[Title]`. */
  private openSubgraph(i: number): number {
    const { text, src } = this;
    if (this.frames.length >= IMPORT_LIMITS.maxDepth) {
      src.fail(i, `subgraphs are nested more than ${IMPORT_LIMITS.maxDepth} deep`);
    }
    const frame: SubgraphFrame = { index: i, idIsTitle: false, list: [], children: [] };
    let at = i + 'subgraph'.length;
    const afterKeyword = skipSpaces(text, at);
    const atEnd = (index: number): boolean => index >= text.length || text.charAt(index) === '\n' || text.charAt(index) === ';';
    if (!atEnd(afterKeyword)) {
      if (afterKeyword === at) src.fail(at, `expected a space after "subgraph", found ${src.describe(at)}`);
      at = afterKeyword;
      let idText = '';
      let type: RawLabel['type'] = 'text';
      if (text.charAt(at) === '"') {
        const quoted = readQuoted(src, at);
        idText = quoted.content;
        type = quoted.type === 'markdown' ? 'markdown' : 'text';
        at = quoted.end;
      }
      const plainStart = at;
      while (!atEnd(at) && text.charAt(at) !== '[') {
        if (text.charAt(at) === '"') src.fail(at, 'unexpected quote in the subgraph title; write subgraph id ["Title"] or subgraph "Title"');
        at += 1;
      }
      idText += text.slice(plainStart, at);
      frame.idText = idText;
      if (text.charAt(at) === '[') {
        const read = readShapeLabel(src, at + 1, SQUARE, at, idText.trim() || 'subgraph');
        frame.title = read.label;
        at = skipSpaces(text, read.end);
        if (!atEnd(at)) src.fail(at, `expected the end of the line after the subgraph title, found ${src.describe(at)}`);
      } else {
        frame.title = { text: idText, type };
        frame.idIsTitle = true;
      }
    }
    this.frames.push(frame);
    return at;
  }

  private closeSubgraph(i: number): number {
    const { text, src } = this;
    const frame = this.frames.pop();
    if (frame === undefined) return src.fail(i, 'unexpected "end": no subgraph is open');
    const after = skipWhitespace(text, i + 3);
    const link = matchLink(text, after);
    if (link && link.opStart === after) {
      src.fail(i, '"end" closes a subgraph and cannot be used as a node id; use another id, like "End"');
    }
    const subgraph: MermaidSubgraph = this.builder.closeSubgraph(frame);
    const parent = this.frame;
    if (parent) {
      parent.list.push(subgraph.id);
      parent.children.push(subgraph);
    }
    return after;
  }

  /** Reads `keyword <spaces> ids` and returns the ids and the index after them. */
  private idsAfterKeyword(i: number, keyword: string): { ids: string; end: number } {
    const { text, src } = this;
    const start = skipSpaces(text, i + keyword.length);
    const end = readIdEnd(src, start);
    if (end === start) src.fail(start, `expected a node id after "${keyword}", found ${src.describe(start)}`);
    return { ids: text.slice(start, end), end };
  }

  /** Styles after `style id` or `classDef ids`: the rest of the statement, split at commas (`\,` escapes one). */
  private styles(i: number, keyword: string): { styles: string[]; end: number } {
    const { text, src } = this;
    if (!isSpace(text.charAt(i))) src.fail(i, `expected a space and styles after "${keyword}", found ${src.describe(i)}`);
    const end = statementEnd(text, i);
    const body = text.slice(i + 1, end);
    const styles = body.split(/(?<!\\),/).map((style) => style.replace(/\\,/g, ','));
    return { styles, end };
  }

  private style(i: number): number {
    const { ids, end } = this.idsAfterKeyword(i, 'style');
    const read = this.styles(end, `style ${ids}`);
    if (this.builder.edgeLine(ids) === undefined) this.builder.style(ids, skipSpaces(this.text, i + 5), read.styles);
    return read.end;
  }

  private classDef(i: number): number {
    const { ids, end } = this.idsAfterKeyword(i, 'classDef');
    const read = this.styles(end, `classDef ${ids}`);
    this.builder.addClassDef(ids, read.styles);
    return read.end;
  }

  private classStatement(i: number): number {
    const { text, src } = this;
    const { ids, end } = this.idsAfterKeyword(i, 'class');
    const nameStart = skipSpaces(text, end);
    const nameEnd = readIdEnd(src, nameStart);
    if (nameStart === end || nameEnd === nameStart) src.fail(nameStart, `expected a class name after "class ${ids}", found ${src.describe(nameStart)}`);
    const after = skipSpaces(text, nameEnd);
    if (after < text.length && text.charAt(after) !== '\n' && text.charAt(after) !== ';') {
      src.fail(after, `expected the end of the statement after "class ${ids} ${text.slice(nameStart, nameEnd)}", found ${src.describe(after)}`);
    }
    this.builder.setClass(ids, text.slice(nameStart, nameEnd));
    return after;
  }

  private linkStyle(i: number): number {
    const { text, src } = this;
    const end = statementEnd(text, i);
    const target = /^linkStyle[ \t]+([0-9][0-9, \t]*|default)/.exec(text.slice(i, end));
    if (!target) return src.fail(skipSpaces(text, i + 9), `expected link numbers (like 0,2) or "default" after "linkStyle", found ${src.describe(skipSpaces(text, i + 9))}`);
    const count = this.builder.edgeCount;
    const beyond = (target[1] ?? '').split(/[, \t]+/).filter((n) => n !== '' && n !== 'default' && Number(n) >= count);
    if (beyond.length > 0) {
      src.warn(i, `linkStyle ${beyond.join(',')}: the chart has only ${count} links at this point (numbered from 0); Mermaid rejects this chart`, 'link-style');
    }
    return end;
  }

  /** `click id ...`: the node becomes `clickable` (as in Mermaid); the link or callback is never used. */
  private click(i: number): number {
    const { text } = this;
    const start = skipWhitespace(text, i + 5);
    let idEnd = start;
    while (idEnd < text.length && !isWhitespace(text.charAt(idEnd))) idEnd += 1;
    if (idEnd > start) this.builder.setClass(text.slice(start, idEnd), 'clickable');
    return statementEndOutsideQuotes(text, idEnd);
  }
}

/** Reads every statement after the header (which ends at `start`). */
export function readStatements(src: ChartText, builder: GraphBuilder, start: number): void {
  new StatementReader(src, builder).run(start);
}
