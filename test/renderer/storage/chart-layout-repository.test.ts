/**
 * The chart layout cache: a layout stored for a pack version reads back as stored; one made
 * by another layout version reads as missing; storing a pack's new version drops its old
 * ones (and nothing of other packs); deleting a pack removes its layouts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KataDb } from '../../../renderer/storage/db';
import type { ChartLayoutRecord, Repositories } from '../../../renderer/storage/index';
import { createRepositories } from '../../../renderer/storage/index';
import { chartLayoutKey } from '../../../renderer/storage/chart-layout-repository';
import { makePack, openTestDb } from './test-db';

let db: KataDb;
let repos: Repositories;
beforeEach(async () => {
  db = await openTestDb('chart-layouts');
  repos = createRepositories(db);
});
afterEach(() => db.close());

function layout(packId: string, packVersion: number, layoutVersion = 1): ChartLayoutRecord {
  return {
    key: chartLayoutKey(packId, packVersion),
    packId,
    layoutVersion,
    width: 400,
    height: 300,
    nodes: { q: { x: 24, y: 24, width: 160, height: 52 }, a: { x: 24, y: 150, width: 200, height: 70 } },
  };
}

describe('chartLayouts', () => {
  it('keys a layout by pack and version', () => {
    expect(chartLayoutKey('sample-feature-drift', 1_700_000_000_000)).toBe('sample-feature-drift@1700000000000');
  });

  it('reads back the layout stored for a pack version, and nothing for another version', async () => {
    const stored = layout('p1', 5);
    await repos.chartLayouts.put(stored);
    expect(await repos.chartLayouts.get('p1', 5, 1)).toEqual(stored);
    expect(await repos.chartLayouts.get('p1', 6, 1)).toBeUndefined();
    expect(await repos.chartLayouts.get('p2', 5, 1)).toBeUndefined();
  });

  it('treats a layout of another layout version as missing, and a new put replaces it', async () => {
    await repos.chartLayouts.put(layout('p1', 5, 1));
    expect(await repos.chartLayouts.get('p1', 5, 2)).toBeUndefined();
    const redone = { ...layout('p1', 5, 2), width: 999 };
    await repos.chartLayouts.put(redone);
    expect(await repos.chartLayouts.get('p1', 5, 2)).toEqual(redone);
    expect(await repos.chartLayouts.get('p1', 5, 1)).toBeUndefined();
    expect(await db.chartLayouts.count()).toBe(1);
  });

  it("drops a pack's layouts of other versions when a new one is stored, and keeps other packs'", async () => {
    await repos.chartLayouts.put(layout('p1', 5));
    await repos.chartLayouts.put(layout('p2', 5));
    await repos.chartLayouts.put(layout('p1', 9));
    expect((await db.chartLayouts.toArray()).map((record) => record.key).sort()).toEqual(['p1@9', 'p2@5']);
  });

  it("goes with its pack when the pack is deleted", async () => {
    await repos.packs.savePackImport(makePack('p1'), [], []);
    await repos.packs.savePackImport(makePack('p2'), [], []);
    await repos.chartLayouts.put(layout('p1', 5));
    await repos.chartLayouts.put(layout('p2', 5));
    await repos.packs.delete('p1');
    expect(await repos.chartLayouts.get('p1', 5, 1)).toBeUndefined();
    expect(await repos.chartLayouts.get('p2', 5, 1)).toEqual(layout('p2', 5));
  });
});
