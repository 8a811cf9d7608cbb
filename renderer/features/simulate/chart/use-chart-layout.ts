/** The layout of the chart on screen: cached, or laid out in the worker the first time. */
import { useEffect, useEffectEvent, useState } from 'react';
import type { ChartLayoutRepository } from '../../../storage/chart-layout-repository';
import { chartLayoutKey } from '../../../storage/chart-layout-repository';
import type { ChartLayoutRequest } from './chart-layout-cache';
import { loadChartLayout } from './chart-layout-cache';
import type { ChartLayout } from './layout-record';
import type { LayOut } from './layout-client';
import { createLayoutClient } from './layout-client';

export type ChartLayoutState =
  | { status: 'loading' }
  | { status: 'ready'; layout: ChartLayout; cached: boolean }
  | { status: 'failed'; message: string };

/** One client for the app: it starts a worker per layout and ends it after. */
const layOutInWorker = createLayoutClient();

/**
 * Loads once per pack version (`packId@packVersion` names the pack's content), so a parent
 * that re-renders with a new but equal `pack` object (a run's clock ticking) lays out nothing.
 */
export function useChartLayout(
  cache: Pick<ChartLayoutRepository, 'get' | 'put'>,
  { packId, packVersion, pack }: ChartLayoutRequest,
  layOut: LayOut = layOutInWorker,
): ChartLayoutState {
  const key = chartLayoutKey(packId, packVersion);
  const [state, setState] = useState<{ key: string | null; value: ChartLayoutState }>({ key: null, value: { status: 'loading' } });
  // The pack as it is when its version is first loaded: equal packs of one version lay out alike.
  const load = useEffectEvent(() => loadChartLayout(cache, { packId, packVersion, pack }, layOut));
  useEffect(() => {
    let current = true;
    load().then(
      ({ layout, cached }) => {
        if (current) setState({ key, value: { status: 'ready', layout, cached } });
      },
      (error: unknown) => {
        if (current) setState({ key, value: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  // Until this pack version's layout is in, an earlier one's is not this chart's.
  return state.key === key ? state.value : { status: 'loading' };
}
