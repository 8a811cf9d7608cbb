// @vitest-environment happy-dom
/**
 * ScenarioChart rendered: the nodes and edges React Flow draws from the pack and its layout,
 * the debrief's marks in words and line style, the hint's "you are here" without a path, and
 * the list that says the same for screen readers.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../../shared/model';
import { AppServicesContext } from '../../../../renderer/app/app-services';
import type { AppServices } from '../../../../renderer/app/app-services';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import ScenarioChart from '../../../../renderer/features/simulate/chart/ScenarioChart';
import type { ScenarioChartProps } from '../../../../renderer/features/simulate/chart/chart-props';
import { openTestDb } from '../../storage/test-db';
import { samplePack, treeOf } from './chart-packs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: KataDb;
let container: HTMLElement;
let root: Root;

// happy-dom lays nothing out, so every element measures 0×0; React Flow renders the nodes in
// view of its pane's offset size, so the pane gets the size of a window here.
const sizes = { offsetWidth: 1000, offsetHeight: 800 } as const;
const originals = Object.fromEntries(Object.keys(sizes).map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)]));
beforeAll(() => {
  for (const [key, value] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const [key, descriptor] of Object.entries(originals)) if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
});

beforeEach(async () => {
  cacheReads = 0;
  db = await openTestDb('scenario-chart');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  db.close();
});

/** Layouts read from the cache since the test began (the chart's repository, counted). */
let cacheReads = 0;

async function render(props: ScenarioChartProps): Promise<void> {
  const repositories = createRepositories(db);
  const chartLayouts = { ...repositories.chartLayouts, get: (...args: Parameters<typeof repositories.chartLayouts.get>) => ((cacheReads += 1), repositories.chartLayouts.get(...args)) };
  const services = { repositories: { ...repositories, chartLayouts } } as unknown as AppServices;
  await act(async () => {
    root.render(
      <AppServicesContext.Provider value={services}>
        <ScenarioChart {...props} />
      </AppServicesContext.Provider>,
    );
  });
  for (let i = 0; i < 50 && !container.querySelector('.react-flow__node'); i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

const drift = samplePack('feature-drift-response.yaml');
const decision = (step: number, fields: Partial<DecisionRecord> & Pick<DecisionRecord, 'answer' | 'correct'>): DecisionRecord => ({
  step,
  shownAt: 0,
  durationMs: 900,
  hints: [],
  ...fields,
});

const nodeEl = (id: string): HTMLElement => container.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)!;
const texts = (selector: string): string[] => [...container.querySelectorAll(selector)].map((el) => el.textContent ?? '');
const listLines = (): string[] => texts('.chart-list li');

describe('ScenarioChart in a debrief', () => {
  const props: ScenarioChartProps = {
    packId: 'drift',
    packVersion: 1,
    pack: drift,
    mode: 'debrief',
    title: 'Your path and the right one',
    hiddenPath: ['check-psi', 'check-upstream', 'rollback-source'],
    decisions: [
      decision(0, { at: 'check-psi', answer: 'check-upstream', chosen: 'annotate', correct: false }),
      decision(1, { at: 'check-upstream', answer: 'rollback-source', chosen: 'rollback-source', correct: true }),
    ],
  };

  it('draws every item and edge of a small chart, with the kind of each node in words', async () => {
    await render(props);
    expect(container.querySelectorAll('.react-flow__node')).toHaveLength(drift.items.length);
    expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(drift.edges.length);
    expect(nodeEl('check-psi').querySelector('.chart-node-kind')?.textContent).toBe('Question');
    expect(nodeEl('retrain').querySelector('.chart-node-kind')?.textContent).toBe('Outcome · resolved');
    expect(texts('.react-flow__edge-text')).toEqual(expect.arrayContaining(['yes', 'no']));
  });

  it('marks the right path and the wrong turn in words and line style, not colour alone', async () => {
    await render(props);
    expect(texts('.chart-node.on-path .chart-node-kind').length).toBe(3);
    expect(nodeEl('check-psi').querySelector('.chart-badges')?.textContent).toBe('1Decision 1: ✗ wrong');
    expect(nodeEl('check-upstream').querySelector('.chart-badges')?.textContent).toBe('2Decision 2: ✓ right');
    expect(nodeEl('rollback-source').querySelector('.chart-badges')?.textContent).toBe('✓ right path');
    expect(nodeEl('annotate').querySelector('.chart-badges')?.textContent).toBe('1At decision 1: ✗ you chose this');
    expect(nodeEl('watch').querySelector('.chart-badges')).toBeNull();
    // Solid path edges and a dashed wrong turn are classes of scenario-chart.css; each says so in its label too.
    expect(texts('.chart-edge.is-path .react-flow__edge-text')).toEqual(['✓ yes', '✓ yes']);
    expect(texts('.chart-edge.is-wrong .react-flow__edge-text')).toEqual(['✗ no: your choice (1)']);
    expect(container.querySelector('.chart-edge.is-wrong')?.getAttribute('aria-label')).toBe(
      '“no”: from “Is PSI for the alerting feature above 0.25?” to “Annotate the dashboard and keep watching”, your wrong turn',
    );
    expect(texts('.chart-legend li')).toEqual(expect.arrayContaining([' right path (solid)', ' your wrong turn (dashed)']));
  });

  it('says the same as an ordered list, hidden until asked for', async () => {
    await render(props);
    expect(listLines()).toEqual([
      expect.stringMatching(/^Decision 1, at “Is PSI.*You chose “Annotate the dashboard and keep watching”: wrong\.$/),
      expect.stringMatching(/^Decision 2, at “Did an upstream.*You chose it: right\.$/),
      'Outcome · resolved: “Roll back the upstream change and backfill the affected partitions”.',
    ]);
    const list = container.querySelector('.chart-list')!;
    const toggle = container.querySelector<HTMLButtonElement>('.chart-list-block button')!;
    expect(list.classList.contains('visually-hidden')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(list.classList.contains('visually-hidden')).toBe(false);
    expect(toggle.textContent).toBe('Hide the list');
  });

  it('is read-only and keyboard-focusable', async () => {
    await render(props);
    const canvas = container.querySelector<HTMLElement>('.chart-canvas')!;
    expect(canvas.tabIndex).toBe(0);
    expect(canvas.getAttribute('aria-label')).toBe('Your path and the right one: chart');
    for (const node of container.querySelectorAll('.react-flow__node')) {
      expect(node.classList.contains('draggable')).toBe(false);
      expect(node.classList.contains('selectable')).toBe(false);
    }
    for (const handle of container.querySelectorAll('.react-flow__handle')) expect(handle.classList.contains('connectable')).toBe(false);
  });

  it('stores its layout the first time, and draws from the stored layout later', async () => {
    await render(props);
    const stored = await db.chartLayouts.get('drift@1');
    expect(Object.keys(stored!.nodes).sort()).toEqual(drift.items.map((item) => item.id).sort());
    act(() => root.unmount());
    // A stored layout is drawn as stored: move a box and the chart follows it, with no new layout.
    const start = stored!.nodes['check-psi']!;
    await db.chartLayouts.put({ ...stored!, nodes: { ...stored!.nodes, 'check-psi': { ...start, x: start.x + 7, y: start.y + 3 } } });
    root = createRoot(container);
    await render(props);
    expect(nodeEl('check-psi').style.transform).toBe(`translate(${start.x + 7}px,${start.y + 3}px)`);
  });
});

describe('ScenarioChart re-rendered', () => {
  it('loads once per pack version, not again for an equal pack object', async () => {
    const props: ScenarioChartProps = { packId: 'drift', packVersion: 1, pack: drift, mode: 'hint', title: 'The chart', currentNodeId: 'check-psi' };
    await render(props);
    await render({ ...props, pack: structuredClone(drift), currentNodeId: 'check-upstream' });
    expect(cacheReads).toBe(1);
    expect(nodeEl('check-upstream').querySelector('.chart-badges')?.textContent).toBe('● you are here');
    await render({ ...props, packVersion: 2 });
    expect(cacheReads).toBe(2);
  });
});

describe('ScenarioChart as a hint', () => {
  it('shows where the person stands and no path or decisions', async () => {
    await render({ packId: 'drift', packVersion: 1, pack: drift, mode: 'hint', title: 'The chart', currentNodeId: 'check-upstream' });
    expect(nodeEl('check-upstream').querySelector('.chart-badges')?.textContent).toBe('● you are here');
    expect(container.querySelectorAll('.chart-badge')).toHaveLength(1);
    expect(container.querySelectorAll('.chart-node.on-path, .chart-node.chosen-instead')).toHaveLength(0);
    expect(container.querySelectorAll('.chart-edge.is-path, .chart-edge.is-wrong')).toHaveLength(0);
    expect(container.querySelector('.chart-legend')).toBeNull();
    expect(listLines().filter((line) => line.startsWith('You are here.'))).toHaveLength(1);
    expect(listLines()).toHaveLength(drift.items.length);
  });
});

describe('ScenarioChart on a checklist', () => {
  it('draws the steps in order inside their sections, marked by step', async () => {
    const checklist = samplePack('model-deployment-checklist.md');
    const steps = [...checklist.items].sort((a, b) => a.order - b.order).slice(6, 9).map((item) => item.id);
    await render({
      packId: 'deploy',
      packVersion: 3,
      pack: checklist,
      mode: 'debrief',
      title: 'Rollout',
      hiddenPath: steps,
      decisions: [decision(2, { at: steps[1], answer: steps[2]!, chosen: steps[0], correct: false })],
    });
    expect(texts('.chart-section-title')).toEqual(expect.arrayContaining(['Rollout']));
    expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(0);
    expect(texts('.chart-badge.is-shown')).toEqual(['shown done', 'shown done', 'shown done']); // legend, then two steps
    expect(nodeEl(steps[2]!).querySelector('.chart-badges')?.textContent).toBe('1Decision 1: ✗ wrong');
    expect(nodeEl(steps[0]!).querySelector('.chart-badges')?.textContent).toBe('shown done1At decision 1: ✗ you chose this');
    // Only the nodes in view are rendered: the chart opens on the run's steps, the rest of the list recedes.
    const rendered = [...container.querySelectorAll<HTMLElement>('.react-flow__node-item')];
    expect(rendered.length).toBeGreaterThan(3);
    for (const node of rendered) {
      expect(node.querySelector('.chart-node')!.classList.contains('outside-run'), node.dataset.id).toBe(!steps.includes(node.dataset.id!));
    }
  });
});

describe('ScenarioChart and imported text', () => {
  it('shows item text as the plain text it is, never as HTML', async () => {
    // An item's text is its plain reading (markup already read at import): what looks like HTML in it is text.
    const pack = treeOf(['q>a:yes', 'q>b:no'], ['b'], { q: 'Is <b>load</b> above 80%?', a: '<img src=x onerror=alert(1)>', b: 'Page the on-call' });
    await render({ packId: 'html', packVersion: 1, pack, mode: 'hint', title: 'Chart' });
    expect(nodeEl('q').querySelector('.chart-node-text')?.textContent).toBe('Is <b>load</b> above 80%?');
    expect(nodeEl('a').querySelector('.chart-node-text')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('.react-flow__nodes b, .react-flow__nodes img, .chart-list b, .chart-list img')).toBeNull();
    expect(nodeEl('b').querySelector('.chart-node-kind')?.textContent).toBe('Outcome · failed');
  });
});
