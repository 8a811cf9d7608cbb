/** The messages between the chart and its layout worker (layout-worker.ts). */
import type { PackSource } from '../../../../shared/model';
import type { ChartLayout } from './layout-record';

export interface LayoutRequest {
  id: number;
  pack: PackSource;
}

export type LayoutResponse = { id: number; layout: ChartLayout } | { id: number; error: string };
