/** Packs for the scenario chart's tests: the samples, a generated 200-node tree, and small hand-made trees. */
import { generateFlowchart } from '../../../../bench/fixtures/flowchart';
import { FIXTURE_SEED } from '../../../../bench/fixtures/index';
import type { PackSource } from '../../../../shared/model';
import { packFrom, samplePack, treeOf } from '../../../shared/simulate/helpers';

export { samplePack, treeOf };

/** A realistic 200-node Mermaid tree (converging paths, labelled answers, ok and fail outcomes). */
export function generatedTree(nodes = 200, seed = FIXTURE_SEED): PackSource {
  return packFrom('generated.mmd', generateFlowchart(nodes, seed));
}
