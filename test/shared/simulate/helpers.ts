/** Packs for the simulation engine's tests, read by the real parsers from text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemSource, PackSource } from '../../../shared/model';
import { parseImportFile } from '../../../shared/import/parse-file';

export const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');

/** The pack a file's text imports as (fails the test on a parse error). */
export function packFrom(name: string, text: string): PackSource {
  const result = parseImportFile(name, text);
  if (!result.ok) throw new Error(`${name}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.pack;
}

export function samplePack(file: string): PackSource {
  return packFrom(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
}

/** A tree from `edges` (`a>b:label`), every node's text its id; nodes listed in `fail` are fail outcomes. */
export function treeOf(edges: readonly string[], fail: readonly string[] = [], texts: Record<string, string> = {}): PackSource {
  const ids: string[] = [];
  const parsed = edges.map((spec) => {
    const [pair, label] = spec.split(':');
    const [from, to] = (pair as string).split('>') as [string, string];
    for (const id of [from, to]) if (!ids.includes(id)) ids.push(id);
    return label ? { from, to, label, line: 1 } : { from, to, line: 1 };
  });
  const outDegree = (id: string): number => parsed.filter((e) => e.from === id).length;
  const items: ItemSource[] = ids.map((id, order) => {
    const count = outDegree(id);
    const item: ItemSource = {
      id,
      kind: count >= 2 ? 'decision' : count === 1 ? 'action' : 'outcome',
      text: texts[id] ?? `Node ${id}`,
      order,
      notes: [],
      keyValues: [],
      memory: false,
      tags: [],
      line: order + 1,
      col: 1,
    };
    if (count === 0) item.outcome = fail.includes(id) ? 'fail' : 'ok';
    return item;
  });
  return { title: 't', kind: 'tree', format: 'mermaid', sourceName: 't.mmd', meta: { tags: [] }, sections: [], items, edges: parsed, rootId: ids[0] };
}

/** Seeds for statistical tests, from a fixed seed source so a failure reproduces. */
export function seedsFrom(source: number, count: number): number[] {
  let state = source >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  });
}
