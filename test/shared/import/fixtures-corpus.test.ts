/**
 * Real files gathered for issue 15 (test/fixtures/corpus, sources and licences in its
 * SOURCES.md): each imports with the title, counts, sections, first and last step, warnings
 * and lists read as notes checked by reading the file; the two without a procedure fail with
 * an error that says why. Kept beside test/shared/import/corpus.test.ts (the shared corpus).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../shared/import/parse-file';
import type { ParseResult } from '../../../shared/import/result';
import { inlinePlain, itemInline } from '../../../shared/text/inline-text';
import { generateCards } from '../../../shared/drills/generate-cards';

const CORPUS = new URL('../../fixtures/corpus/', import.meta.url);

interface Expectation {
  title: string;
  kind?: 'checklist' | 'tree';
  items: number;
  top: number;
  sections: string[];
  first: string;
  last: string;
  warnings?: number;
  /** Lists read as notes (files without their procedure in every list). */
  notesLists: number;
}

const EXPECTATIONS: Record<string, Expectation> = {
  // Indented tasks; the autolink reads as its address, code spans as their text.
  "01-commonmark-release-checklist.md": {"title": "Release Checklist", "items": 17, "top": 17, "sections": ["Preparation", "Documentation", "Release"], "first": "Ensure all tests are passing (including Travis and StyleCI).", "last": "PROFIT!!", "notesLists": 0},
  // Tasks with blockquote notes: the task items inside the quotes are notes of their step, not steps.
  "02-runbook-initial-response.md": {"title": "Runbook", "items": 14, "top": 14, "sections": ["Initial Response", "Assessment & Identification", "Containment", "Mitigation & Resolution", "Post-Incident Review"], "first": "Acknowledge the Alert", "last": "Create Post-Incident (Postmortem) Report", "notesLists": 0},
  // No `#` heading: the title is the tidied file name; a numbered procedure and a To Do task list.
  "03-ts-markdown-release.md": {"title": "Ts markdown release", "items": 12, "top": 11, "sections": ["ts-markdown Release Checklist", "To Do"], "first": "Ensure all the changes for the next release are in main branch", "last": "Roll this automated action into the \"Refresh Docs\" github action", "notesLists": 0},
  // Setext title; the reference link reads as its text, resolved with the file’s definition.
  "04-bsnes-release-checklist.md": {"title": "Release checklist", "items": 8, "top": 8, "sections": [], "first": "Commit the new release", "last": "git push to make the new changes available.", "notesLists": 0},
  // A list of file names is notes; the loose `1)` procedure is the steps.
  "05-elixir-release-process.md": {"title": "Elixir release process", "items": 7, "top": 7, "sections": ["Release process"], "first": "Remove .dev extension from current versions", "last": "After release, bump versions and add .dev back", "notesLists": 1},
  // No tasks: Roles and Severity Levels read as notes (headings that describe), Workflow and Evidence as steps.
  "06-illuu-incident-response.md": {"title": "Incident Response Runbook", "items": 9, "top": 9, "sections": ["Workflow", "Evidence"], "first": "Detect (alerts, audits, customer report)", "last": "Root cause analysis", "notesLists": 2},
  // An issue template: its `name` is the title, not the `title` of the issue it opens.
  "08-harbor-release-checklist.md": {"title": "Release Checklist", "items": 10, "top": 10, "sections": [], "first": "Ensure corresponding milestone issues are 100% complete", "last": "Add release to git; add changelog notes for the specific release.", "notesLists": 0},
  // Timeline, Lessons Learned and References read as notes; only Corrective Actions are steps.
  "09-postmortem-template-setext.md": {"title": "Postmortem Template", "items": 2, "top": 2, "sections": ["Corrective Actions"], "first": "Short-term (rollback, patch)", "last": "Long-term (tests, monitoring, runbook updates)", "notesLists": 3},
  // Only the action items are tasks, so only they are steps; the fenced timeline is not a list.
  "10-yosai-post-mortem-template.md": {"title": "Post-Mortem Template", "items": 2, "top": 2, "sections": ["Action Items"], "first": "Preventative measure 1", "last": "Preventative measure 2", "notesLists": 0},
  // `###` phases nest under their `##` stage; "Memory Pressure" tells its fix in prose and code (a warning).
  "11-sentinelfs-high-latency-playbook.md": {"title": "High Latency Alert Response Playbook", "items": 40, "top": 40, "sections": ["Immediate Actions (First 5 minutes)", "1. Acknowledge Alert", "Investigation Steps (5-15 minutes)", "4. Review Recent Changes", "Common Causes and Solutions", "Database Connection Issues", "Model Serving Bottleneck", "Network Latency", "Escalation Criteria", "Escalate to Level 2 if:", "Escalate to Level 3 if:", "Recovery Steps", "1. Implement Immediate Mitigation", "2. Monitor Recovery", "3. Document Incident", "Prevention Measures", "Short-term", "Long-term"], "first": "Acknowledge in AlertManager/Grafana", "last": "Architecture improvements", "warnings": 1, "notesLists": 1},
  // The first real ` ``` mermaid` fence is the tree (the one inside the example fence is text).
  "12-honeypot-diagrams-readme.md": {"title": "Honeypot diagrams readme", "kind": "tree", "items": 5, "top": 5, "sections": [], "first": "Start", "last": "Yay!", "notesLists": 0},
  // Five fences: the first is the tree, the other four are warned about.
  "13-mermaid-test-five-charts.md": {"title": "Mermaid Test File", "kind": "tree", "items": 4, "top": 4, "sections": ["System Boundary", "External Services"], "first": "Component A", "last": "Component D", "warnings": 4, "notesLists": 0},
  // The template in a ```markdown fence is not read; bold-label practices and related-docs links are notes.
  "14-joggr-pr-template-doc.md": {"title": "📝 Pull Request Template", "items": 4, "top": 4, "sections": ["🔄 Relationship to Company Documentation"], "first": "Align with company-wide development workflow", "last": "Standardize information shared during code review", "notesLists": 2},
  // The numbered how-to is the procedure; the template in the plain fence is not read.
  "15-pon-pr-template-guide.md": {"title": "Pull Request Template", "items": 5, "top": 5, "sections": ["Step-by-step guide"], "first": "Create a .github folder in the root of your repository if it doesn’t exist.", "last": "Now, whenever someone creates a pull request in your repository, the content of the pull_request_template.md file will automatically appear in the pull request description box.", "notesLists": 0},
  // A tight `1)` list under the title.
  "16-infinity-incident-response.md": {"title": "Runbook — Incident Response", "items": 7, "top": 7, "sections": [], "first": "Acknowledge alert; start UTC timeline.", "last": "Blameless postmortem.", "notesLists": 0},
  // Bullet lists under Approach, Steps and Validation are steps (nothing says otherwise).
  "17-bootcamp-ir-solution.md": {"title": "Solution – Incident Response Runbook", "items": 6, "top": 6, "sections": ["Approach", "Steps", "Validation"], "first": "Create an actionable, testable runbook tied to alerts and owners.", "last": "Ensure alerts link to runbook; verify contact/escalation paths.", "notesLists": 0},
  // Label-value facts (Alert Details, escalation levels) and Impact are notes; numbered steps keep their sub-steps.
  "18-seo-high-latency-runbook.md": {"title": "High Latency Alert Runbook", "items": 34, "top": 17, "sections": ["Eerste Response Stappen", "1. Initiële Diagnose", "2. Snelle Mitigatie", "3. Root Cause Analysis", "Preventieve Maatregelen", "1. Monitoring Verbeteringen", "2. Infrastructure Updates", "3. Code Optimalisatie"], "first": "Check Grafana dashboard voor:", "last": "Review caching strategie", "notesLists": 5},
  // `<Scenario Name>` is inline HTML (dropped, as GitHub does); two phases in prose get a warning each.
  "20-ir-playbook-template.md": {"title": "IR Playbook – (e.g., Phishing)", "items": 3, "top": 3, "sections": ["2. Triage Checklist"], "first": "Identify sender/domain reputation", "last": "Check for other recipients", "warnings": 2, "notesLists": 0},
  // A decision with yes/no answers; the title is the tidied file name.
  "21-decision-flow.mmd": {"title": "Decision flow", "kind": "tree", "items": 7, "top": 7, "sections": [], "first": "Problem Identified", "last": "Review Criteria", "notesLists": 0},
  // A troubleshooting loop.
  "22-troubleshooting-flow.mmd": {"title": "Troubleshooting flow", "kind": "tree", "items": 9, "top": 9, "sections": [], "first": "Problem Reported", "last": "Verify Resolution", "notesLists": 0},
};

/** Files that must not import, and what their error says. */
const FAILING: Record<string, { line: number; says: string }> = {
  // A playbook in prose only: no list, so no steps, and the error says how to mark them.
  '07-cyber-range-ir-playbook.md': { line: 1, says: 'tells its procedure in prose and code, with no list' },
  // The whole checklist is inside a ```markdown fence: Markdown shows it as code.
  '19-trading-bot-pr-template.md': { line: 2, says: 'the checklist is inside a code block' },
};

const files = (['markdown', 'mermaid'] as const).flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, CORPUS))
    .filter((name) => /\.(md|mmd)$/.test(name))
    .map((name) => ({ name, path: new URL(`${dir}/${name}`, CORPUS) })),
);

function parse(name: string): ParseResult {
  const file = files.find((candidate) => candidate.name === name)!;
  return parseImportFile(name, readFileSync(file.path, 'utf8'));
}

describe('test corpus (issue 15)', () => {
  it('has at least twenty real files, each with an expectation and a source', () => {
    const names = files.map((file) => file.name).sort();
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names).toEqual([...Object.keys(EXPECTATIONS), ...Object.keys(FAILING)].sort());
    const sources = readFileSync(new URL('SOURCES.md', CORPUS), 'utf8');
    for (const name of names) expect(sources).toContain(name);
  });

  it.each(Object.keys(EXPECTATIONS))('%s imports as expected', (name) => {
    const expected = EXPECTATIONS[name]!;
    const result = parse(name);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { pack } = result;
    expect(pack.title).toBe(expected.title);
    expect(pack.kind).toBe(expected.kind ?? 'checklist');
    expect(pack.items.length).toBe(expected.items);
    expect(pack.items.filter((item) => item.parentId === undefined).length).toBe(expected.top);
    expect(pack.sections.map((section) => section.title)).toEqual(expected.sections);
    expect(result.warnings.length).toBe(expected.warnings ?? 0);
    expect((result.lists ?? []).filter((list) => list.reading === 'notes').length).toBe(expected.notesLists);
    if (pack.kind === 'checklist') {
      expect(pack.items[0]!.text).toBe(expected.first);
      expect(pack.items[pack.items.length - 1]!.text).toBe(expected.last);
    } else {
      expect(pack.items.map((item) => item.text)).toEqual(expect.arrayContaining([expected.first, expected.last]));
    }
  });

  it.each(Object.keys(FAILING))('%s fails with an error that says why', (name) => {
    const result = parse(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: FAILING[name]!.line });
    expect(result.errors[0]!.message).toContain(FAILING[name]!.says);
  });

  it('every item and card reads without markup: plain text is the tree’s reading, and no prompt shows Markdown', () => {
    for (const name of Object.keys(EXPECTATIONS)) {
      const result = parse(name);
      if (!result.ok) continue;
      for (const item of result.pack.items) {
        expect(inlinePlain(itemInline(item))).toBe(item.text);
        expect(item.text, name).not.toMatch(/\*\*|==|`|\]\(|\]\[|<\/?[a-z][^>]*>|&[a-z]+;/i);
      }
      for (const card of generateCards('p', result.pack)) {
        expect(inlinePlain(card.prompt), name).not.toMatch(/\*\*|`|\]\(|\]\[|<\/?[a-z][^>]*>|&[a-z]+;/i);
      }
    }
  });

  it('reads the particulars as the author meant them', () => {
    const bsnes = parse('04-bsnes-release-checklist.md');
    if (!bsnes.ok) throw new Error('bsnes');
    expect(bsnes.pack.items[3]!.text).toBe("Go to the docs admin and verify that it's building the new version as 'stable' and under its tag name.");
    const commonmark = parse('01-commonmark-release-checklist.md');
    if (!commonmark.ok) throw new Error('commonmark');
    expect(commonmark.pack.items.map((item) => item.text)).toContain('Resync project on https://libraries.io/packagist/league%2Fcommonmark/');
    const elixir = parse('05-elixir-release-process.md');
    expect(elixir.lists?.map((list) => [list.key, list.reading, list.reason])).toEqual([
      ['Release process #1', 'steps', 'under “Release process”, a procedure'],
      ['Places where version is mentioned #1', 'notes', 'a list of file names'],
    ]);
    const illuu = parse('06-illuu-incident-response.md');
    expect(illuu.lists?.filter((list) => list.reading === 'notes').map((list) => list.key)).toEqual([
      'Roles #1',
      'Severity Levels #1',
    ]);
    const runbook = parse('02-runbook-initial-response.md');
    if (!runbook.ok) throw new Error('runbook');
    const gather = runbook.pack.items.find((item) => item.text === 'Gather Initial Information')!;
    expect(gather.notes.join(' ')).toContain('What is currently not working?');
  });
});
