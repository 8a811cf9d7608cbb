import { describe, expect, it } from 'vitest';
import { parseMermaid, parseMermaidGraph } from '../../../../shared/import/mermaid';
import type { MermaidGraph } from '../../../../shared/import/mermaid';
import { FILE, error, graph, pack } from './helpers';

const edges = (g: MermaidGraph): string[] => g.edges.map((e) => `${e.start}>${e.end}:${e.text}:${e.type}:${e.stroke}:${e.length}`);
const vertex = (g: MermaidGraph, id: string) => g.vertices.find((v) => v.id === id);

describe('header', () => {
  it.each([
    ['flowchart TD', 'TB'],
    ['flowchart TB', 'TB'],
    ['graph LR;', 'LR'],
    ['graph BT', 'BT'],
    ['flowchart RL', 'RL'],
    ['flowchart', 'TB'],
    ['graph >', 'LR'],
    ['flowchart-elk TD', 'TB'],
    ['\n\n   flowchart LR  ', 'LR'],
  ])('%j has direction %s', (header, direction) => {
    expect(graph(`${header}\nA --> B`).direction).toBe(direction);
  });

  it('refuses other diagrams and unknown headers, saying what it expected', () => {
    expect(error('sequenceDiagram\nA->>B: hi')).toMatchObject({ line: 1, col: 1 });
    expect(error('sequenceDiagram\nA->>B: hi').message).toContain('Mermaid sequenceDiagram, not a flowchart');
    expect(error('flowhcart TD\nA --> B').message).toBe('expected "flowchart" or "graph" and a direction, like "flowchart TD", found "flowhcart"');
    expect(error('flowchart td\nA').message).toContain('(directions are upper case: TD)');
    expect(error('flowchart TD A --> B')).toMatchObject({ line: 1, col: 14 });
    expect(error('').message).toContain('the chart is empty');
    expect(error('%% only a comment\n').message).toContain('the chart is empty');
  });
});

describe('node shapes', () => {
  it.each([
    ['A[square]', 'square'],
    ['A(round)', 'round'],
    ['A([stadium])', 'stadium'],
    ['A[[subroutine]]', 'subroutine'],
    ['A[(cylinder)]', 'cylinder'],
    ['A((circle))', 'circle'],
    ['A(((doublecircle)))', 'doublecircle'],
    ['A>odd]', 'odd'],
    ['A{diamond}', 'diamond'],
    ['A{{hexagon}}', 'hexagon'],
    ['A[/lean_right/]', 'lean_right'],
    ['A[\\lean_left\\]', 'lean_left'],
    ['A[/trapezoid\\]', 'trapezoid'],
    ['A[\\inv_trapezoid/]', 'inv_trapezoid'],
    ['A(-ellipse-)', 'ellipse'],
  ])('%s is a %s', (node, type) => {
    const v = vertex(graph(`flowchart TD\n${node}`), 'A');
    expect(v).toMatchObject({ type, text: type, labelType: 'text' });
  });

  it('reads a bare id as a node whose text is its id and whose shape is unset', () => {
    expect(vertex(graph('flowchart TD\nstart_1'), 'start_1')).toMatchObject({ text: 'start_1', type: null, line: 2, col: 1 });
  });

  it('reads quoted labels (any character, across lines) and markdown strings', () => {
    const g = graph('flowchart TD\nA["Wait (End) [x] {y} | z"]\nB("line one\n   line two")\nC["`**bold** and (parens)`"]\nD{" spaced "}');
    expect(vertex(g, 'A')).toMatchObject({ text: 'Wait (End) [x] {y} | z', labelType: 'string' });
    expect(vertex(g, 'B')).toMatchObject({ text: 'line one\n   line two', labelType: 'string' });
    expect(vertex(g, 'C')).toMatchObject({ text: '**bold** and (parens)', labelType: 'markdown' });
    expect(vertex(g, 'D')?.text).toBe('spaced');
  });

  it('keeps Mermaid label markup at graph level and plain text in items', () => {
    const text = 'flowchart TD\nA[First<br/>second] --> B["<b>Bold</b> &amp; a < b"]\nB --> C[Say #quot;hi#quot; #35;1]';
    const g = graph(text);
    expect(vertex(g, 'A')?.text).toBe('First<br>second');
    expect(vertex(g, 'B')?.text).toBe('<b>Bold</b> &amp; a &lt; b');
    expect(vertex(g, 'C')?.text).toBe('Say &quot;hi&quot; &#35;1');
    const items = pack(text).pack.items;
    expect(items.map((i) => i.text)).toEqual(['First\nsecond', 'Bold & a < b', 'Say "hi" #1']);
  });

  it('drops scripts and event handlers from labels, and never keeps HTML in items', () => {
    const g = graph('flowchart TD\nA["<img src=x onerror=alert(1)>hi<script>alert(2)</script>"]');
    expect(vertex(g, 'A')?.text).toBe('<img src="x">hi');
    expect(pack('flowchart TD\nA["<img src=x onerror=alert(1)>hi<script>alert(2)</script>"]').pack.items[0]?.text).toBe('hi');
  });

  it('lets a later label replace an earlier one; a bare mention keeps it', () => {
    const g = graph('flowchart TD\nA --> B\nA[First label]\nA --> C\nA(Second label)');
    expect(vertex(g, 'A')).toMatchObject({ text: 'Second label', type: 'round', line: 2, col: 1 });
    expect(g.vertices.map((v) => v.id)).toEqual(['A', 'B', 'C']);
  });

  it('reads @{ shape, label } data, on one line or several', () => {
    const g = graph('flowchart TD\nA@{ shape: diam, label: "Is it\\nsafe?" }\nB@{\n  shape: rounded\n  label: "Two\n     lines"\n}\nA --> B');
    expect(vertex(g, 'A')).toMatchObject({ type: 'diam', text: 'Is it\nsafe?', labelType: 'markdown' });
    // A line break inside a quoted value becomes <br/> (Mermaid's lexer), sanitized to <br> like every label.
    expect(vertex(g, 'B')).toMatchObject({ type: 'rounded', text: 'Two<br>lines' });
    expect(pack('flowchart TD\nA@{ shape: diam, label: "Is it\\nsafe?" }').pack.items[0]?.text).toBe('Is it\nsafe?');
  });

  it('sanitizes @{ label } text too', () => {
    const g = graph('flowchart TD\nA@{ label: "<script>alert(1)</script>Go <b>now</b>" }');
    expect(vertex(g, 'A')?.text).toBe('Go <b>now</b>');
  });

  it('refuses shape names Mermaid does not know', () => {
    expect(error('flowchart TD\nA@{ shape: blob }')).toMatchObject({ line: 2, col: 2 });
    expect(error('flowchart TD\nA@{ shape: Rect }').message).toContain('lower case');
  });

  it('reads unicode ids and labels, and tabs', () => {
    const g = graph('flowchart LR\n\t图表 -->|是| 終わり[完了 🎉]\n\tÉtape[Réception] --> 图表');
    expect(g.vertices.map((v) => v.id)).toEqual(['图表', '終わり', 'Étape']);
    expect(vertex(g, '終わり')?.text).toBe('完了 🎉');
    expect(g.edges[0]?.text).toBe('是');
  });
});

describe('links', () => {
  it.each([
    ['A --> B', 'arrow_point', 'normal', 1],
    ['A --- B', 'arrow_open', 'normal', 1],
    ['A ----> B', 'arrow_point', 'normal', 3],
    ['A ==> B', 'arrow_point', 'thick', 1],
    ['A ===> B', 'arrow_point', 'thick', 2],
    ['A === B', 'arrow_open', 'thick', 1],
    ['A -.-> B', 'arrow_point', 'dotted', 1],
    ['A -..-> B', 'arrow_point', 'dotted', 2],
    ['A -.- B', 'arrow_open', 'dotted', 1],
    ['A --o B', 'arrow_circle', 'normal', 1],
    ['A --x B', 'arrow_cross', 'normal', 1],
    ['A ==o B', 'arrow_circle', 'thick', 1],
    ['A <--> B', 'double_arrow_point', 'normal', 1],
    ['A o--o B', 'double_arrow_circle', 'normal', 1],
    ['A x--x B', 'double_arrow_cross', 'normal', 1],
    ['A <-.-> B', 'double_arrow_point', 'dotted', 1],
    ['A ~~~ B', 'arrow_open', 'invisible', 1],
    ['A-->B', 'arrow_point', 'normal', 1],
  ])('%s is %s, %s, length %i', (statement, type, stroke, length) => {
    expect(graph(`flowchart TD\n${statement}`).edges[0]).toMatchObject({ start: 'A', end: 'B', type, stroke, length });
  });

  it('reads link labels in every form', () => {
    const g = graph('flowchart TD\nA -->|yes| B\nA -- no way --> C\nA -. maybe .-> D\nA == sure ==> E\nA -- "quoted (x)" --> F\nA --> |"multi\n  line"| G');
    expect(g.edges.map((e) => [e.end, e.text, e.stroke, e.labelType])).toEqual([
      ['B', 'yes', 'normal', 'text'],
      ['C', 'no way', 'normal', 'text'],
      ['D', 'maybe', 'dotted', 'text'],
      ['E', 'sure', 'thick', 'text'],
      ['F', 'quoted (x)', 'normal', 'string'],
      ['G', 'multi\n  line', 'normal', 'string'],
    ]);
  });

  it('reads chains, labelled links inside chains, and & on both sides', () => {
    expect(edges(graph('flowchart TD\nA --> B --> C'))).toEqual(['A>B::arrow_point:normal:1', 'B>C::arrow_point:normal:1']);
    expect(edges(graph('flowchart LR\nA-->B-- No -->C-- Yes -->D'))).toEqual([
      'A>B::arrow_point:normal:1',
      'B>C:No:arrow_point:normal:1',
      'C>D:Yes:arrow_point:normal:1',
    ]);
    expect(graph('flowchart TD\nA & B --> C & D').edges.map((e) => `${e.start}${e.end}`)).toEqual(['AC', 'AD', 'BC', 'BD']);
  });

  it('reads edge ids and edge data without making them nodes', () => {
    const g = graph('flowchart TD\nA e1@--> B & C\ne1@{ animate: true }\nB e2@-- text --> D');
    expect(g.edges.map((e) => [e.start, e.end, e.id, e.text])).toEqual([
      ['A', 'B', 'e1', ''],
      ['A', 'C', undefined, ''],
      ['B', 'D', 'e2', 'text'],
    ]);
    expect(g.vertices.map((v) => v.id)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('joins a link that starts the next line to the node before it, like Mermaid', () => {
    expect(edges(graph('flowchart TD\nA\n--> B'))).toEqual(['A>B::arrow_point:normal:1']);
  });

  it('reads "A---oB" as a circle-ended link to B, like Mermaid', () => {
    expect(graph('flowchart TD\nA---oB').edges[0]).toMatchObject({ start: 'A', end: 'B', type: 'arrow_circle' });
  });

  it('records where each link is', () => {
    expect(graph('flowchart TD\n  A --> B').edges[0]).toMatchObject({ line: 2, col: 5 });
  });
});

describe('statements', () => {
  it('accepts ; terminators, lone ; lines, comments and directives', () => {
    const g = graph('%%{init: {"flowchart":\n  {"curve": "linear"}}}%%\ngraph BT\n;\nA --> B; B --> C;\n%% a comment\n  %% indented comment\nC --> D');
    expect(edges(g)).toHaveLength(3);
    expect(g.direction).toBe('BT');
  });

  it('reads %% title and %% root, and front matter', () => {
    const g = graph('---\ntitle: From front matter\nrarity: rare\nconfig:\n  theme: dark\n---\nflowchart TD\n%% title: From a comment\n%% root: B\nA --> B');
    expect(g.title).toBe('From a comment');
    expect(g.root).toMatchObject({ id: 'B', line: 9, col: 10 });
    expect(g.meta.rarity).toBe('rare');
    expect(graph('---\ntitle: Only front matter\n---\nflowchart TD\nA').title).toBe('Only front matter');
  });

  it('reads subgraphs in all their forms, nested, with a direction', () => {
    const g = graph(
      [
        'flowchart TB',
        'subgraph one [First phase]',
        '  direction LR',
        '  A --> B',
        '  subgraph inner["Inner"]',
        '    C',
        '  end',
        'end',
        'subgraph "Quoted title"',
        '  D',
        'end',
        'subgraph Title with spaces',
        '  E',
        'end',
        'subgraph solo',
        'F',
        'end',
      ].join('\n'),
    );
    expect(g.subgraphs.map((s) => [s.id, s.title, s.nodes, s.dir, s.parentId])).toEqual([
      ['inner', 'Inner', ['C'], undefined, 'one'],
      ['one', 'First phase', ['B', 'A', 'inner'], 'LR', undefined],
      ['subGraph2', 'Quoted title', ['D'], undefined, undefined],
      ['subGraph3', 'Title with spaces', ['E'], undefined, undefined],
      ['solo', 'solo', ['F'], undefined, undefined],
    ]);
    expect(g.subgraphs[1]).toMatchObject({ line: 2, col: 1 });
  });

  it('reads classDef, class, :::, style, linkStyle and click (which is never run)', () => {
    const g = graph(
      'flowchart TD\nA:::ok --> B\nclassDef ok fill:#0f0,stroke:#000\nclassDef a,b font-family:x\\,y\nclass A,B warn\nstyle B fill:#f00\nstyle Z fill:#00f\nlinkStyle 0 stroke:red\nclick A href "javascript:alert(1)" "tip"\nclick B callback',
    );
    expect(vertex(g, 'A')?.classes).toEqual(['ok', 'warn', 'clickable']);
    expect(vertex(g, 'B')).toMatchObject({ classes: ['warn', 'clickable'], styles: ['fill:#f00'] });
    expect(vertex(g, 'Z')).toMatchObject({ text: 'Z', type: null });
    expect(g.classDefs).toEqual([
      { id: 'ok', styles: ['fill:#0f0', 'stroke:#000'] },
      { id: 'a', styles: ['font-family:x,y'] },
      { id: 'b', styles: ['font-family:x,y'] },
    ]);
    expect(JSON.stringify(g)).not.toContain('javascript');
  });

  it('warns about linkStyle numbers past the links, and about comments after a statement', () => {
    const result = parseMermaidGraph('flowchart TD\nA --> B %% why\nlinkStyle 3 stroke:red', FILE);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.line, w.col])).toEqual([
      [2, 9],
      [3, 1],
    ]);
  });
});

describe('tree semantics', () => {
  const chart = [
    'flowchart TD',
    '  q1{Validation loss rising?} -->|yes| fix1[Add regularization]:::ok',
    '  q1 -->|no| check[Compare features]',
    '  check --> esc[Escalate]:::fail',
    '  q1 ~~~ esc',
  ].join('\n');

  it('makes decisions, actions and outcomes from the outgoing links', () => {
    const { pack: p, warnings } = pack(chart);
    expect(warnings).toEqual([]);
    expect(p.items.map((i) => [i.id, i.kind, i.outcome, i.order])).toEqual([
      ['q1', 'decision', undefined, 0],
      ['fix1', 'outcome', 'ok', 1],
      ['check', 'action', undefined, 2],
      ['esc', 'outcome', 'fail', 3],
    ]);
    expect(p.edges).toEqual([
      { from: 'q1', to: 'fix1', label: 'yes', line: 2 },
      { from: 'q1', to: 'check', label: 'no', line: 3 },
      { from: 'check', to: 'esc', line: 4 },
    ]);
    expect(p).toMatchObject({ kind: 'tree', format: 'mermaid', rootId: 'q1', sourceName: FILE, title: 'Chart' });
    expect(p.items[0]).toMatchObject({ line: 2, col: 3, text: 'Validation loss rising?' });
  });

  it('takes good/bad classes too, and ignores them (with a warning) on non-outcomes', () => {
    const { pack: p, warnings } = pack('flowchart TD\nA:::bad --> B:::good\nclass A,B x');
    expect(p.items.map((i) => i.outcome)).toEqual([undefined, 'ok']);
    expect(warnings.map((w) => w.message)).toEqual(['node "A" has the class "bad" but links onward, so it is not an outcome; the class is ignored']);
  });

  it('excludes ~~~ from the tree', () => {
    const { pack: p } = pack('flowchart TD\nA --> B\nA ~~~ C\nC --> D');
    expect(p.items.find((i) => i.id === 'A')?.kind).toBe('action');
  });

  it('picks the first of several roots, with a warning, and warns about unreachable nodes', () => {
    const { pack: p, warnings } = pack('flowchart TD\nA --> B\nC --> B\nD\nE --> E');
    expect(p.rootId).toBe('A');
    expect(p.items.map((i) => i.id)).toEqual(['A', 'B']);
    expect(warnings.map((w) => `${w.line}:${w.col} ${w.message}`)).toEqual([
      '2:1 2 nodes have no incoming link ("A" and "C"); "A", the first one, is the root — add "%% root: <id>" to choose',
      '3:1 node "C" cannot be reached from the root "A"; it is left out',
      '4:1 node "D" cannot be reached from the root "A"; it is left out',
      '5:1 node "E" cannot be reached from the root "A"; it is left out',
    ]);
  });

  it('honours %% root, and refuses a root that is no node', () => {
    expect(pack('flowchart TD\n%% root: B\nA --> B --> C').pack.rootId).toBe('B');
    expect(error('flowchart TD\n%% root: Z\nA --> B')).toMatchObject({ line: 2, col: 10, message: '"%% root: Z" names no node of this chart' });
  });

  it('allows cycles, choosing the first linked node as the root when every node has an incoming link', () => {
    const { pack: p, warnings } = pack('flowchart TD\nA --> B --> A');
    expect(p.rootId).toBe('A');
    expect(warnings[0]?.message).toContain('every node has an incoming link');
  });

  it('warns about duplicate links and counts them once', () => {
    const { pack: p, warnings } = pack('flowchart TD\nA --> B\nA --> B\nA -->|x| B');
    expect(p.edges).toHaveLength(2);
    expect(p.items[0]?.kind).toBe('decision');
    expect(warnings.map((w) => `${w.line}:${w.col} ${w.message}`)).toEqual(['3:3 duplicate link "A" --> "B" (first at line 2); it counts once']);
  });

  it('makes sections of subgraphs, and a title from the file name', () => {
    const result = parseMermaid('flowchart TD\nsubgraph "Before deploy"\nA --> B\nend\nsubgraph roll [Rollout]\nB --> C\nend', 'runbooks/02-model_deploy.mmd');
    if (!result.ok) throw new Error('parse failed');
    expect(result.pack.title).toBe('Model deploy');
    expect(result.pack.sections).toEqual([
      { id: 'before-deploy', title: 'Before deploy', line: 2 },
      { id: 'roll', title: 'Rollout', line: 5 },
    ]);
    expect(result.pack.items.map((i) => i.sectionId)).toEqual(['before-deploy', 'before-deploy', 'roll']);
  });

  it('uses the id for an empty label, with a warning', () => {
    const { pack: p, warnings } = pack('flowchart TD\nA[" "]');
    expect(p.items[0]?.text).toBe('A');
    expect(warnings[0]?.message).toContain('empty label');
  });

  it('reports positions in the enclosing file with lineOffset and colOffset', () => {
    const opts = { lineOffset: 10, colOffset: 2 };
    expect(pack('flowchart TD\nA --> B', opts).pack.items[1]).toMatchObject({ line: 12, col: 9 });
    expect(error('flowchart TD\nA[oops', opts)).toMatchObject({ line: 12, col: 4 });
    expect(error('flowchart TD\n' + 'A'.repeat(10_001), opts)).toMatchObject({ line: 12, col: 10_003 });
  });
});

