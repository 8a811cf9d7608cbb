import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ItemFlowNode, NodeBadge, SectionFlowNode } from './chart-elements';

function BadgeNumber({ n, label }: { n: number; label: string }) {
  return (
    <>
      <span className="chart-badge-number" aria-hidden="true">
        {n}
      </span>
      <span className="visually-hidden">
        {label} {n}:{' '}
      </span>
    </>
  );
}

function BadgeView({ badge }: { badge: NodeBadge }) {
  switch (badge.kind) {
    case 'decision':
      return (
        <span className={`chart-badge chart-badge-decision ${badge.correct ? 'is-right' : 'is-wrong'}`}>
          <BadgeNumber n={badge.n} label="Decision" />
          {badge.correct ? '✓ right' : '✗ wrong'}
        </span>
      );
    case 'chosen':
      return (
        <span className="chart-badge is-wrong">
          <BadgeNumber n={badge.n} label="At decision" />✗ you chose this
        </span>
      );
    case 'here':
      return <span className="chart-badge is-here">● you are here</span>;
    case 'path':
      return <span className="chart-badge is-path">✓ right path</span>;
    case 'shown':
      return <span className="chart-badge is-shown">shown done</span>;
  }
}

function badgeKey(badge: NodeBadge): string {
  return 'n' in badge ? `${badge.kind}-${badge.n}` : badge.kind;
}

function classesOf(data: ItemFlowNode['data']): string {
  const { item, marks } = data;
  const classes = ['chart-node', `is-${item.kind}`];
  if (item.outcome) classes.push(`is-outcome-${item.outcome}`);
  if (marks.onPath) classes.push('on-path');
  if (marks.chosenInstead.length > 0) classes.push('chosen-instead');
  if (marks.here) classes.push('here');
  if (data.outsideRun) classes.push('outside-run');
  if (data.badges.length > 0) classes.push('has-badges');
  return classes.join(' ');
}

/** One item of the pack: its kind in words, its text (plain text: a text node, never HTML), its marks as badges with words. */
export function ChartItemNode({ data }: NodeProps<ItemFlowNode>) {
  return (
    <div className={classesOf(data)}>
      {/* Edges attach to handles; the chart is read-only, so they are not shown. */}
      <Handle type="target" position={Position.Top} isConnectable={false} className="chart-handle" />
      {data.badges.length > 0 && (
        <span className="chart-badges">
          {data.badges.map((badge) => (
            <BadgeView key={badgeKey(badge)} badge={badge} />
          ))}
        </span>
      )}
      <span className="chart-node-kind">{data.kind}</span>
      <span className="chart-node-text" title={data.text}>
        {data.text}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="chart-handle" />
    </div>
  );
}

/** A checklist section: a box behind its steps, with its title. */
export function ChartSectionNode({ data }: NodeProps<SectionFlowNode>) {
  return (
    <div className="chart-section">
      <span className="chart-section-title">{data.title}</span>
    </div>
  );
}
