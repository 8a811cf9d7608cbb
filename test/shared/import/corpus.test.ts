/**
 * Real files (../shared/corpus, beside the repository, the same way in CI): every
 * one imports, with the titles, counts and texts checked by reading each file;
 * the intentionally broken ones fail (or warn) at a precise position.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ItemSource, PackSource } from '../../../shared/model';
import { parseImportFile } from '../../../shared/import/parse-file';
import type { ParseResult } from '../../../shared/import/result';

const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
const CHECKLISTS = new URL('checklists/', CORPUS);
const MERMAID = new URL('mermaid/', CORPUS);

function parseCorpusFile(dir: URL, name: string): ParseResult {
  return parseImportFile(name, readFileSync(new URL(name, dir), 'utf8'));
}

function packOf(dir: URL, name: string): PackSource {
  const result = parseCorpusFile(dir, name);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.pack;
}

const topLevel = (items: readonly ItemSource[]): ItemSource[] => items.filter((item) => item.parentId === undefined);

interface ChecklistExpectation {
  title: string;
  kind?: 'checklist' | 'tree';
  /** All items (steps and sub-steps) counted by hand in the file. */
  items: number;
  /** Top-level steps counted by hand. */
  top?: number;
  sections: string[];
  first: string;
  last: string;
  warnings?: number;
}

const CHECKLIST_EXPECTATIONS: Record<string, ChecklistExpectation> = {
  // Issue template: its `name` is the title; `---` rules between task groups; 7 sub-tasks under "Notify"; the lists
  // inside <details> instructions are not tasks.
  '01-seqan3-release-checklist.md': {
    title: 'Release Checklist',
    items: 29,
    top: 22,
    sections: [],
    first: 'Update copyright year.',
    last: 'Celebrate :tada: :beer:',
  },
  // No headings: "Minor and major releases:" / "All releases:" group the tasks. The plain bullet nested under a
  // task is its note (issue 15: only tasks are steps, at every depth; it was a 14th item).
  '02-hoomd-release-checklist.md': {
    title: 'Release checklist',
    items: 13,
    top: 13,
    sections: ['Minor and major releases', 'All releases'],
    first: 'Update tutorial submodule.',
    last: 'Update hpmc-energy-template.',
  },
  // CRLF, no task list: every bullet is a step, the nested link lists sub-steps.
  '03-notation-release-checklist.md': {
    title: 'Release Checklist',
    items: 16,
    top: 13,
    sections: ['Release Process'],
    first:
      'Check if there are any security vulnerabilities fixed and security advisories published before a release. Security advisories should be linked on the release notes.',
    last: 'Announce the new release in the Notary Project community.',
  },
  // The informational bullets (Monitoring, Incident response, Related docs) are not steps.
  '04-ops-production-readiness.md': {
    title: 'Production Operations Readiness',
    items: 24,
    sections: ['Release readiness checklist'],
    first: 'npm run preview:smoke passes',
    last: 'Incident response checklist reviewed',
  },
  '05-gitflow-hotfix-issue-template.md': {
    title: 'Hotfix Release',
    items: 15,
    // The `##` heading holding the `###` phases is their parent section (headings nest).
    sections: ['🚨 Hotfix Release Request', '📋 Hotfix Checklist', '🧪 Testing Performed', '🚀 Deployment Plan'],
    first: 'Issue reproduced and confirmed',
    last: 'Monitor logs and metrics post-deployment',
  },
  // `- [ ] 1. Title` tasks with plain `- 1.1` sub-items, which are notes of their task (issue 15: only tasks are
  // steps, at every depth; they were 27 sub-steps); later `#` headings are sections.
  '06-oneml-hotfix-merge-request.md': {
    title: 'Information for Requester',
    items: 9,
    top: 9,
    sections: ['Requester checklist (to be checked by requester)', 'Review checklist (to be checked by reviewer)'],
    first: '1. Hotfix Detail',
    last: '6. Hotfix Branch Management',
  },
  // Two tasks whose only text is an HTML comment: skipped with a warning each.
  '07-expense-share-hotfix-pr-template.md': {
    title: 'Hotfix',
    items: 10,
    sections: ['🚨 Hotfix', 'Severity', 'Testing', 'Post-Deployment Actions'],
    first: 'Critical - Production is down',
    last: 'Update documentation if needed',
    warnings: 2,
  },
  // 7 tasks, plus the numbered procedures of sections without tasks (Immediate Actions, Post-Incident, Escalation Path).
  '08-alert-runbook-template.md': {
    title: 'Runbook Template',
    items: 17,
    // "Remediation" and "Escalation" hold the `###` sections with the numbered procedures: their parents.
    sections: ['Quick Response Checklist', 'Remediation', 'Immediate Actions', 'Post-Incident Actions', 'Escalation', 'Escalation Path'],
    first: 'Acknowledge - Acknowledge the alert in your monitoring system',
    last: 'Executive Escalation: CTO (major incidents only)',
    // "Rollback Procedures" is only a code block: its procedure is not a list, and the warning says so (issue 15).
    warnings: 1,
  },
  // No task list; the one ```mermaid fence makes it a tree (A..H).
  '09-oncall-runbook-frontmatter.md': {
    title: 'On-call Runbook',
    kind: 'tree',
    items: 8,
    sections: [],
    first: 'Alert',
    last: 'Review',
  },
  '10-incident-response-procedures.md': {
    title: 'Incident Response Runbook',
    items: 16,
    sections: [
      'Procedure 1: Severity Classification',
      'Procedure 2: Escalation Workflow',
      'Procedure 3: Stakeholder Communication',
      'Procedure 4: Post-Incident Review',
    ],
    first: 'Classify incident as Sev1/Sev2/Sev3 based on user impact and availability.',
    last: 'Link postmortem to runbook updates where needed.',
  },
  // ✅-prefixed numbered headings are the steps; "Look for:" bullets are sub-steps of step 1.
  '11-k8s-pod-debug-checklist.md': {
    title: 'Kubernetes Pod Debugging Checklist',
    items: 11,
    top: 8,
    sections: [],
    first: 'Check Pod status',
    last: 'Advanced: Ephemeral debug container',
  },
  '12-ml-code-review.md': {
    title: 'ML Modeling Code Review',
    items: 28,
    top: 10,
    sections: ['MLflow Model sign-off'],
    first: 'Coding Principles',
    last: 'MLflow experiment path in config',
  },
  // `* [ ]` tasks; plain sub-bullets (F1, MAE, ...) of a task are its notes (issue 15; they were 4 sub-steps).
  '13-ml-model-review-asterisk.md': {
    title: 'Model Review',
    items: 14,
    top: 9,
    sections: ['Problem Frame', 'Data', 'Model', 'Results'],
    first: 'Appropriate frame for the task at hand',
    last: 'Correct visualizations for the data at hand?',
  },
  // No heading at all: the title is the tidied file name (as for every format); "For all ... include:" lines are the sections.
  '14-ml-reproducibility-checklist.md': {
    title: 'Ml reproducibility checklist',
    items: 21,
    sections: [
      'For all models and algorithms presented, check if you include',
      'For any theoretical claim, check if you include',
      'For all datasets used, check if you include',
      'For all shared code related to this work, check if you include',
      'For all reported experimental results, check if you include',
    ],
    first: 'A clear description of the mathematical setting, algorithm, and/or model.',
    last: 'A description of the computing infrastructure used.',
  },
  // Tables with ☐ status cells: each row a step, the Description its note.
  '15-data-quality-table-checkboxes.md': {
    title: '🧾 Data Quality Checklist Template',
    items: 23,
    sections: [
      '🗂️ Data Source Overview',
      '🧱 Structure and Schema',
      '🚫 Missing or Invalid Data',
      '🔁 Duplicates',
      '📏 Range and Format Validation',
      '🎯 Accuracy Cross-Check',
      '⏱️ Timeliness',
      '🧾 Documentation',
    ],
    first: 'Source identified',
    last: 'Version tracked',
  },
};

describe('corpus: checklists', () => {
  const files = readdirSync(CHECKLISTS).filter((name) => !name.startsWith('.')).sort();

  it('has an expectation for every file (a new corpus file needs one)', () => {
    expect(files).toEqual(Object.keys(CHECKLIST_EXPECTATIONS).sort());
  });

  it.each(files)('%s imports as expected', (name) => {
    const expected = CHECKLIST_EXPECTATIONS[name]!;
    const result = parseCorpusFile(CHECKLISTS, name);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const pack = result.pack;
    expect(pack.title).toBe(expected.title);
    expect(pack.kind).toBe(expected.kind ?? 'checklist');
    expect(pack.items.length).toBe(expected.items);
    if (expected.top !== undefined) expect(topLevel(pack.items).length).toBe(expected.top);
    expect(pack.sections.map((section) => section.title)).toEqual(expected.sections);
    expect(result.warnings.length).toBe(expected.warnings ?? 0);
    if (pack.kind === 'checklist') {
      expect(pack.items[0]!.text).toBe(expected.first);
      expect(pack.items[pack.items.length - 1]!.text).toBe(expected.last);
    } else {
      const textsOf = pack.items.map((item) => item.text);
      expect(textsOf).toContain(expected.first);
      expect(textsOf).toContain(expected.last);
    }
  });

  it('every item has unique id, non-empty text, and a position inside the file', () => {
    for (const name of files) {
      const text = readFileSync(new URL(name, CHECKLISTS), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      const pack = packOf(CHECKLISTS, name);
      expect(new Set(pack.items.map((item) => item.id)).size).toBe(pack.items.length);
      pack.items.forEach((item, order) => {
        expect(item.text.trim()).not.toBe('');
        expect(item.order).toBe(order);
        expect(item.line).toBeGreaterThanOrEqual(1);
        expect(item.line).toBeLessThanOrEqual(lines.length);
        expect(item.col).toBeLessThanOrEqual((lines[item.line - 1]?.length ?? 0) + 1);
        if (item.parentId !== undefined) expect(pack.items.some((p) => p.id === item.parentId)).toBe(true);
        if (item.sectionId !== undefined) expect(pack.sections.some((s) => s.id === item.sectionId)).toBe(true);
      });
    }
  });

  it('keeps the details: rationale-free notes, HTML comments dropped, front matter tags', () => {
    const templates = packOf(CHECKLISTS, '07-expense-share-hotfix-pr-template.md');
    expect(templates.items.every((item) => !item.text.includes('<!--'))).toBe(true);
    expect(packOf(CHECKLISTS, '09-oncall-runbook-frontmatter.md').meta.tags).toEqual(
      expect.arrayContaining(['runbook', 'oncall', 'incident', 'operations']),
    );
    const table = packOf(CHECKLISTS, '15-data-quality-table-checkboxes.md');
    expect(table.items[0]!.notes).toEqual(['Dataset origin documented (e.g., SQL DB, Excel export, API, etc.)']);
    const k8s = packOf(CHECKLISTS, '11-k8s-pod-debug-checklist.md');
    expect(k8s.items[0]!.notes[0]).toContain('kubectl get pods');
    expect(k8s.items.filter((item) => item.parentId === k8s.items[0]!.id).map((item) => item.text)).toEqual([
      'Status (CrashLoopBackOff, ImagePullBackOff, etc.)',
      'Events (bottom of describe output)',
      'Container states (Waiting, Running, Terminated)',
    ]);
    const release = packOf(CHECKLISTS, '01-seqan3-release-checklist.md');
    const notify = release.items.find((item) => item.text === 'Notify upstream package maintainers:')!;
    expect(release.items.filter((item) => item.parentId === notify.id)).toHaveLength(7);
  });

  it('CRLF files report the same lines as their LF version', () => {
    const crlf = readFileSync(new URL('13-ml-model-review-asterisk.md', CHECKLISTS), 'utf8');
    expect(crlf).toContain('\r\n');
    const fromCrlf = parseImportFile('13.md', crlf);
    const fromLf = parseImportFile('13.md', crlf.replace(/\r\n/g, '\n'));
    expect(fromCrlf).toEqual(fromLf);
    expect(fromCrlf.ok && fromCrlf.pack.items[0]!.line).toBe(5);
  });
});

const CATALOGUES = new Set(['16-shape-catalog-at-syntax.mmd', '17-edge-types-catalog.mmd']);

describe('corpus: mermaid', () => {
  const files = readdirSync(MERMAID).filter((name) => /\.(mmd|mermaid)$/.test(name)).sort();
  const oracle = JSON.parse(readFileSync(new URL('oracle.json', MERMAID), 'utf8')) as { file: string; ok: boolean; vertices?: unknown[] }[];

  it('has the 25 charts', () => {
    expect(files).toHaveLength(25);
  });

  it.each(files.filter((name) => !name.includes('broken')))('%s imports as a tree', (name) => {
    const result = parseCorpusFile(MERMAID, name);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pack.kind).toBe('tree');
    expect(result.pack.format).toBe('mermaid');
    expect(result.pack.items.length).toBeGreaterThan(0);
    // The Mermaid package saw this many nodes; a tree keeps at least half (it may drop layout-only ones).
    // The two catalogues (16 shapes, 17 edge types) are rows of unconnected demo nodes, not one tree.
    if (!CATALOGUES.has(name)) {
      const vertices = oracle.find((entry) => entry.file === name)?.vertices?.length ?? 0;
      expect(result.pack.items.length).toBeGreaterThanOrEqual(Math.ceil(vertices / 2));
    }
  });

  it('24 (parentheses inside a [...] label) is an error at the "(" on line 7', () => {
    const result = parseCorpusFile(MERMAID, '24-broken-parens-in-square-label.mmd');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: '24-broken-parens-in-square-label.mmd', line: 7, col: 34, severity: 'error' });
  });

  it('25 (a .mmd file still wrapped in ```mermaid fences) imports with a warning at line 1', () => {
    const result = parseCorpusFile(MERMAID, '25-broken-fenced-mmd-file.mmd');
    expect(result.ok).toBe(true);
    expect(result.warnings.some((warning) => warning.line === 1)).toBe(true);
    if (result.ok) expect(result.pack.items.length).toBeGreaterThan(5);
  });
});
