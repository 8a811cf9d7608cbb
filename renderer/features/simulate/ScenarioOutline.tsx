import type { ReactNode } from 'react';
import type { ItemSource, PackSource } from '../../../shared/model';
import { ItemText } from './ItemText';

/**
 * The pack as text: a tree as an outline from its start (each node once, where it is first
 * met, its answers as branches), a checklist as its steps in order. The "show the chart"
 * hint's text form, and what a screen reader gets beside the diagram.
 */
export function ScenarioOutline({ pack, hereId }: { pack: PackSource; hereId?: string }) {
  if (pack.kind !== 'tree') {
    const steps = [...pack.items].sort((a, b) => a.order - b.order);
    return (
      <ol className="outline">
        {steps.map((item) => (
          <li key={item.id}>
            <ItemText pack={pack} id={item.id} />
          </li>
        ))}
      </ol>
    );
  }
  const byId = new Map(pack.items.map((item) => [item.id, item]));
  const shown = new Set<string>();
  const branch = (item: ItemSource, depth: number): ReactNode => {
    shown.add(item.id);
    const edges = pack.edges.filter((edge) => edge.from === item.id);
    return (
      <>
        <span className={item.id === hereId ? 'outline-here' : undefined}>
          <ItemText pack={pack} id={item.id} />
          {item.id === hereId ? <strong> (you are here)</strong> : null}
          {item.outcome ? <span className="muted"> — outcome{item.outcome === 'fail' ? ', failed' : ''}</span> : null}
        </span>
        {edges.length > 0 && depth < 60 ? (
          <ul>
            {edges.map((edge, index) => {
              const target = byId.get(edge.to);
              if (!target) return null;
              return (
                <li key={`${edge.to}-${index}`}>
                  {edge.label ? <em>{edge.label}: </em> : null}
                  {shown.has(target.id) ? (
                    <span className="muted">
                      back to <ItemText pack={pack} id={target.id} />
                    </span>
                  ) : (
                    branch(target, depth + 1)
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
      </>
    );
  };
  const root = byId.get(pack.rootId ?? '') ?? pack.items[0];
  return root ? <div className="outline">{branch(root, 0)}</div> : null;
}
