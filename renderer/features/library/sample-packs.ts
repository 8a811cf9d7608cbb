/**
 * The sample packs of resources/samples/, bundled into the app as text so they
 * import offline and in the web build alike. They go through the same preview
 * and confirmation as any file.
 */
import type { ImportFile } from '../../platform/platform';

// Eager and raw: a few KB of text, needed as soon as the empty library shows them.
const SAMPLE_TEXTS = import.meta.glob<string>('../../../resources/samples/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** One line each, saying what practising the pack is good for. */
const DESCRIPTIONS: Record<string, string> = {
  'inference-outage-runbook.md': 'An on-call runbook with memory items to do from recall, fast.',
  'model-deployment-checklist.md': 'The checks before, during and after shipping a model.',
  'data-quality-checklist.md': 'Completeness, validity, consistency and timeliness of a data load.',
  'ml-model-debugging.md': 'What to try, in order, when a model will not learn.',
  'overfitting-diagnosis.mmd': 'A Mermaid decision tree: why does the model underperform after deploy?',
  'feature-drift-response.yaml': 'A Kata YAML tree: what to do when a feature-drift alert fires.',
  'ml-metrics.csv': 'Question-and-answer cards on ML metrics and monitoring.',
};

const FORMAT_BY_EXTENSION: Record<string, string> = {
  md: 'Markdown checklist',
  mmd: 'Mermaid flowchart',
  yaml: 'YAML decision tree',
  yml: 'YAML decision tree',
  json: 'JSON decision tree',
  csv: 'CSV questions',
};

export interface SamplePack {
  fileName: string;
  description: string;
  format: string;
  text: string;
}

function extensionOf(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
}

/** Every bundled sample, runbooks first (the order of DESCRIPTIONS), then any others by name. */
export const SAMPLE_PACKS: readonly SamplePack[] = Object.entries(SAMPLE_TEXTS)
  .map(([path, text]) => {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const format = FORMAT_BY_EXTENSION[extensionOf(fileName)] ?? 'File';
    return { fileName, text, format, description: DESCRIPTIONS[fileName] ?? `A sample ${format.toLowerCase()}.` };
  })
  .sort((a, b) => {
    const order = Object.keys(DESCRIPTIONS);
    const rank = (sample: SamplePack): number => {
      const at = order.indexOf(sample.fileName);
      return at === -1 ? order.length : at;
    };
    return rank(a) - rank(b) || a.fileName.localeCompare(b.fileName);
  });

/** A sample as a file to import, exactly as if the person had picked it. */
export function sampleAsImportFile(sample: SamplePack): ImportFile {
  return { name: sample.fileName, bytes: new TextEncoder().encode(sample.text).length, text: sample.text };
}
