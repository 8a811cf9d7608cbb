import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { Controls, ReactFlow } from '@xyflow/react';
import type { Edge, NodeTypes, ReactFlowInstance } from '@xyflow/react';
import type { ChartFlowNode } from './chart-elements';
import { ChartItemNode, ChartSectionNode } from './ChartNodes';
import { NODE_BOX } from './node-size';
import { FIT_ALL, firstView, MAX_ZOOM, MIN_ZOOM } from './chart-viewport';

const NODE_TYPES: NodeTypes = { item: ChartItemNode, section: ChartSectionNode };
const PAN_STEP = 60;
const MIN_HEIGHT = 260;

/** The box metrics node-size.ts sizes boxes by, handed to the CSS so text and boxes agree. */
const BOX_STYLE = {
  '--chart-font-size': `${NODE_BOX.fontSize}px`,
  '--chart-line-height': `${NODE_BOX.lineHeight}px`,
  '--chart-kind-line': `${NODE_BOX.kindLine}px`,
  '--chart-pad-x': `${NODE_BOX.paddingX}px`,
  '--chart-pad-y': `${NODE_BOX.paddingY}px`,
  '--chart-max-lines': String(NODE_BOX.maxLines),
} as CSSProperties;

export interface ChartCanvasProps {
  nodes: ChartFlowNode[];
  edges: Edge[];
  /** The chart's own size (the layout's): the canvas is as tall as the chart fitted to its width, up to maxHeight. */
  width: number;
  height: number;
  /** Nodes the first view fits when the whole chart would be too small to read. */
  focus?: string[];
  label: string;
  maxHeight: number;
}

/**
 * The diagram: read-only (nothing drags, connects or selects), panned by dragging or with
 * the arrow keys once focused, zoomed with the buttons or + and −, 0 to fit. The wheel
 * scrolls the page, not the chart: the chart sits inside a page one reads down. Only the
 * nodes in view are rendered, so a big chart opens as fast as a small one.
 */
export function ChartCanvas({ nodes, edges, width, height, focus, label, maxHeight }: ChartCanvasProps) {
  const flow = useRef<ReactFlowInstance<ChartFlowNode, Edge> | null>(null);
  const keysId = useId();
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const instance = flow.current;
    if (!instance || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const { x, y, zoom } = instance.getViewport();
    const pan: Record<string, [number, number]> = { ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP], ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0] };
    const move = pan[event.key];
    if (move) void instance.setViewport({ x: x + move[0], y: y + move[1], zoom });
    else if (event.key === '+' || event.key === '=') void instance.zoomIn();
    else if (event.key === '-') void instance.zoomOut();
    else if (event.key === '0') void instance.fitView(FIT_ALL);
    else return;
    event.preventDefault();
  }, []);

  // Measured before the first paint, so the first view is worked out for the canvas it is shown in.
  const canvas = useRef<HTMLDivElement>(null);
  const [canvasWidth, setCanvasWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    setCanvasWidth(canvas.current?.getBoundingClientRect().width || width);
  }, [width]);

  const focusBoxes = useMemo(() => {
    const ids = new Set(focus);
    return nodes.filter((node) => ids.has(node.id)).map((node) => ({ ...node.position, width: node.width ?? 0, height: node.height ?? 0 }));
  }, [nodes, focus]);
  const shownWidth = canvasWidth ?? width;
  // The whole chart fits its canvas when that is readable; else the canvas takes all the room there is and opens on the focus.
  const wholeHeight = Math.round(Math.min(maxHeight, Math.max(MIN_HEIGHT, height * Math.min(1, shownWidth / width) + 32)));
  const { view, canvasHeight } = useMemo(() => {
    const whole = firstView({ width, height }, focusBoxes, { width: shownWidth, height: wholeHeight });
    if (!whole.focused) return { view: whole, canvasHeight: wholeHeight };
    return { view: firstView({ width, height }, focusBoxes, { width: shownWidth, height: maxHeight }), canvasHeight: maxHeight };
  }, [width, height, focusBoxes, shownWidth, wholeHeight, maxHeight]);

  // The first view is React Flow's default viewport; a later focus (the hint's next step) is panned to.
  const shownFocus = useRef(focus?.join('\n'));
  useEffect(() => {
    const key = focus?.join('\n');
    if (key === shownFocus.current) return;
    shownFocus.current = key;
    if (view.focused) void flow.current?.setViewport(view.viewport, { duration: 250 });
  }, [focus, view]);

  return (
    <div
      ref={canvas}
      className="chart-canvas"
      // A canvas that pans and zooms: its drawing is larger than its box on purpose.
      data-canvas=""
      style={{ ...BOX_STYLE, height: `${canvasHeight}px` }}
      tabIndex={0}
      role="group"
      aria-label={label}
      aria-describedby={keysId}
      onKeyDown={onKeyDown}
    >
      <p id={keysId} className="visually-hidden">
        Arrow keys move the chart, plus and minus zoom, 0 fits it all. The list after the chart says the same in words.
      </p>
      {canvasWidth !== null && (
        <ReactFlow<ChartFlowNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onInit={(instance) => {
            flow.current = instance;
          }}
          defaultViewport={view.viewport}
          onlyRenderVisibleElements
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          edgesReconnectable={false}
          elementsSelectable={false}
          disableKeyboardA11y
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomActivationKeyCode={null}
          panActivationKeyCode={null}
          zoomOnScroll={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          // The colours are Kata's tokens (scenario-chart.css), which follow the app's theme setting;
          // React Flow's own dark mode would follow only the system.
          colorMode="light"
        >
          <Controls showInteractive={false} fitViewOptions={FIT_ALL} position="top-right" orientation="horizontal" />
        </ReactFlow>
      )}
    </div>
  );
}
