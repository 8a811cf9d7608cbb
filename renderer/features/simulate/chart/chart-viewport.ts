/**
 * The chart's first view, worked out from the layout rather than by React Flow's fitView:
 * every box is known before anything is drawn, so the chart opens where it should on its
 * first frame, and only the nodes in view need rendering (fitView would wait for every node
 * to be measured in the DOM first).
 */
import { getViewportForBounds } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import type { NodeBox } from './layout-record';

/** Below this zoom the chart's text (13px) is too small to read. */
export const READABLE_ZOOM = 0.75;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;
/** Fitting the whole chart: a little room around it, never enlarged past 1. */
export const FIT_ALL = { padding: 0.08, minZoom: MIN_ZOOM, maxZoom: 1 } as const;

/** Room above a box for its badges, and the gap left above the focus in its view. */
const BADGE_ROOM = 16;
const FOCUS_TOP = 32;

export interface FirstView {
  viewport: Viewport;
  /** Opens on the focus nodes (the whole chart would be too small to read). */
  focused: boolean;
}

function boundsOf(boxes: readonly NodeBox[]): NodeBox {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The whole chart fitted to the canvas, or — where that would be smaller than READABLE_ZOOM
 * and there is a focus — the focus boxes at a readable zoom. Badges sit above a box's top
 * edge, so the bounds reach a little higher.
 */
export function firstView(chart: { width: number; height: number }, focusBoxes: readonly NodeBox[], canvas: { width: number; height: number }): FirstView {
  const whole = getViewportForBounds({ x: 0, y: 0, width: chart.width, height: chart.height }, canvas.width, canvas.height, FIT_ALL.minZoom, FIT_ALL.maxZoom, FIT_ALL.padding);
  if (whole.zoom >= READABLE_ZOOM || focusBoxes.length === 0) return { viewport: whole, focused: false };
  const bounds = boundsOf(focusBoxes);
  const lifted = { ...bounds, y: bounds.y - BADGE_ROOM, height: bounds.height + BADGE_ROOM };
  const centred = getViewportForBounds(lifted, canvas.width, canvas.height, READABLE_ZOOM, 1, 0.15);
  // Centred across, but from the top: the chart reads downward from the focus, not around it.
  const fromTop = FOCUS_TOP - lifted.y * centred.zoom;
  return { viewport: { ...centred, y: fromTop }, focused: true };
}
