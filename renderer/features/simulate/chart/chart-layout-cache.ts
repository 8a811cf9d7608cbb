/**
 * A chart's layout: read from the cache (chartLayouts) when one of this layout version is
 * stored for the pack version, else laid out (in the worker) and stored for next time.
 */
import type { PackSource } from '../../../../shared/model';
import type { ChartLayoutRepository } from '../../../storage/chart-layout-repository';
import { chartLayoutKey } from '../../../storage/chart-layout-repository';
import type { ChartLayout } from './layout-record';
import { LAYOUT_VERSION, layoutFitsPack } from './layout-record';
import type { LayOut } from './layout-client';

export interface ChartLayoutRequest {
  packId: string;
  /** The `importedAt` of the pack passed: the cache key. */
  packVersion: number;
  pack: PackSource;
}

export interface LoadedLayout {
  layout: ChartLayout;
  /** Read from the cache (no layout ran). */
  cached: boolean;
}

/**
 * The layout of `request`'s pack. A cache that cannot be read or written only costs a
 * layout (the chart is drawn all the same); a layout that fails rejects.
 */
export async function loadChartLayout(
  cache: Pick<ChartLayoutRepository, 'get' | 'put'>,
  request: ChartLayoutRequest,
  layOut: LayOut,
): Promise<LoadedLayout> {
  const { packId, packVersion, pack } = request;
  const stored = await cache.get(packId, packVersion, LAYOUT_VERSION).catch((error: unknown) => {
    console.warn('Kata could not read the cached chart layout', error);
    return undefined;
  });
  if (stored && layoutFitsPack(stored, pack)) {
    const { key: _key, packId: _packId, ...layout } = stored;
    return { layout, cached: true };
  }
  const layout = await layOut(pack);
  await cache.put({ key: chartLayoutKey(packId, packVersion), packId, ...layout }).catch((error: unknown) => {
    console.warn('Kata could not cache the chart layout', error);
  });
  return { layout, cached: false };
}
