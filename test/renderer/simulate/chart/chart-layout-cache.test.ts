/**
 * The chart's layout is computed once per pack version: the first render lays it out and
 * stores it; later renders read it back without laying out; a bump of LAYOUT_VERSION, or a
 * stored layout that does not fit the pack drawn, lays it out again. A cache that fails
 * costs only a layout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackSource } from '../../../../shared/model';
import type { KataDb } from '../../../../renderer/storage/db';
import type { Repositories } from '../../../../renderer/storage/index';
import { createRepositories } from '../../../../renderer/storage/index';
import { loadChartLayout } from '../../../../renderer/features/simulate/chart/chart-layout-cache';
import { layoutChart } from '../../../../renderer/features/simulate/chart/layout';
import { LAYOUT_VERSION } from '../../../../renderer/features/simulate/chart/layout-record';
import type { LayOut } from '../../../../renderer/features/simulate/chart/layout-client';
import { openTestDb } from '../../storage/test-db';
import { samplePack, treeOf } from './chart-packs';

let db: KataDb;
let repos: Repositories;
beforeEach(async () => {
  db = await openTestDb('chart-cache');
  repos = createRepositories(db);
});
afterEach(() => db.close());

function countingLayOut(): LayOut & { calls: number } {
  const layOut = (async (pack: PackSource) => {
    layOut.calls += 1;
    return layoutChart(pack);
  }) as LayOut & { calls: number };
  layOut.calls = 0;
  return layOut;
}

const pack = samplePack('feature-drift-response.yaml');
const request = { packId: 'drift', packVersion: 100, pack };

describe('loadChartLayout', () => {
  it('lays out the first time and stores it; later loads read it back and skip the layout', async () => {
    const layOut = countingLayOut();
    const first = await loadChartLayout(repos.chartLayouts, request, layOut);
    expect(first.cached).toBe(false);
    expect(first.layout.layoutVersion).toBe(LAYOUT_VERSION);
    expect(layOut.calls).toBe(1);
    expect(await db.chartLayouts.get('drift@100')).toMatchObject({ packId: 'drift', ...first.layout });

    const again = await loadChartLayout(repos.chartLayouts, request, layOut);
    expect(again).toEqual({ layout: first.layout, cached: true });
    expect(layOut.calls).toBe(1);
  });

  it('lays out again when the stored layout was made by another layout version', async () => {
    const layOut = countingLayOut();
    const { layout } = await loadChartLayout(repos.chartLayouts, request, layOut);
    await db.chartLayouts.put({ key: 'drift@100', packId: 'drift', ...layout, layoutVersion: LAYOUT_VERSION - 1 });
    const again = await loadChartLayout(repos.chartLayouts, request, layOut);
    expect(again.cached).toBe(false);
    expect(layOut.calls).toBe(2);
    expect((await db.chartLayouts.get('drift@100'))?.layoutVersion).toBe(LAYOUT_VERSION);
  });

  it('lays out again when the stored layout lacks a node of the pack it is drawn with', async () => {
    const layOut = countingLayOut();
    await loadChartLayout(repos.chartLayouts, { packId: 't', packVersion: 1, pack: treeOf(['a>b:yes', 'a>c:no']) }, layOut);
    const grown = treeOf(['a>b:yes', 'a>c:no', 'c>d']);
    const again = await loadChartLayout(repos.chartLayouts, { packId: 't', packVersion: 1, pack: grown }, layOut);
    expect(again.cached).toBe(false);
    expect(Object.keys(again.layout.nodes).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('still draws when the cache cannot be read or written', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const layOut = countingLayOut();
    const broken = { get: () => Promise.reject(new Error('read failed')), put: () => Promise.reject(new Error('quota')) };
    const loaded = await loadChartLayout(broken, request, layOut);
    expect(loaded.cached).toBe(false);
    expect(Object.keys(loaded.layout.nodes)).toHaveLength(pack.items.length);
    vi.restoreAllMocks();
  });

  it('rejects when the layout itself fails', async () => {
    await expect(loadChartLayout(repos.chartLayouts, request, () => Promise.reject(new Error('no layout')))).rejects.toThrow('no layout');
  });
});
