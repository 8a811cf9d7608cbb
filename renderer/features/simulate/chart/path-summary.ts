/**
 * The chart in words, for screen readers and for anyone who would rather read a list: the
 * chart's text equivalent. Debrief: each step of the right path in order — the decision's
 * number, the right answer, what was chosen, right or wrong. Hint: the chart's nodes and
 * where each answer leads, with where the person stands (no path: that would be the answer).
 */
import type { DecisionRecord, ItemSource, PackSource } from '../../../../shared/model';
import { chartText, kindLabel } from './chart-text';
import { wrongChoice } from './path-marks';

export type Verdict = 'right' | 'wrong' | 'shown' | 'not-reached' | 'outcome';

export interface SummaryLine {
  key: string;
  /** The sentence to show or read. */
  text: string;
  verdict?: Verdict;
  /** Hint: the node the person stands on. */
  here?: boolean;
}

const quoted = (text: string): string => `“${text}”`;

function textOf(items: ReadonlyMap<string, ItemSource>, id: string | undefined): string {
  const item = id === undefined ? undefined : items.get(id);
  return item ? quoted(chartText(item)) : 'a step no longer in this pack';
}

/** What the person did at a decision, and whether it was right, in words. */
function verdictOf(decision: DecisionRecord, items: ReadonlyMap<string, ItemSource>): string {
  const late = decision.late ? ', after the time for it' : '';
  const chosen = wrongChoice(decision);
  if (chosen !== undefined) return `You chose ${textOf(items, chosen)}: wrong${late}.`;
  if (decision.chosen !== undefined) return decision.correct ? 'You chose it: right.' : `You chose it: wrong${late}.`;
  if (decision.correct) return decision.selfJudged ? 'You recalled it (your own judgement): right.' : 'You recalled it: right.';
  const typed = decision.typed?.trim() ?? '';
  return typed === '' ? `You gave no answer: wrong${late}.` : `You answered ${quoted(typed)}: wrong${late}.`;
}

/** The debrief's list: one line per step of the right path, then the outcome (trees). */
export function pathSummary(pack: PackSource, hiddenPath: readonly string[], decisions: readonly DecisionRecord[]): SummaryLine[] {
  const items = new Map(pack.items.map((item) => [item.id, item]));
  const numbered = new Map(decisions.map((decision, index) => [decision.step, { decision, n: index + 1 }]));
  const lines: SummaryLine[] = [];
  if (pack.kind === 'tree') {
    for (let step = 0; step + 1 < hiddenPath.length; step += 1) {
      const at = hiddenPath[step] as string;
      const next = hiddenPath[step + 1] as string;
      const label = pack.edges.find((edge) => edge.from === at && edge.to === next)?.label;
      const answer = label ? `${quoted(label)}, to ${textOf(items, next)}` : textOf(items, next);
      const made = numbered.get(step);
      if (!made) {
        lines.push({ key: `step-${step}`, text: `Not reached: at ${textOf(items, at)}, the right answer is ${answer}.`, verdict: 'not-reached' });
        continue;
      }
      const text = `Decision ${made.n}, at ${textOf(items, at)}: the right answer is ${answer}. ${verdictOf(made.decision, items)}`;
      lines.push({ key: `step-${step}`, text, verdict: made.decision.correct ? 'right' : 'wrong' });
    }
    const end = items.get(hiddenPath.at(-1) ?? '');
    if (end && hiddenPath.length > 1) {
      lines.push({ key: 'outcome', text: `${kindLabel(end)}: ${quoted(chartText(end))}.`, verdict: 'outcome' });
    }
    return lines;
  }
  const firstAsked = decisions.length === 0 ? Infinity : Math.min(...decisions.map((decision) => decision.step));
  hiddenPath.forEach((id, step) => {
    const made = numbered.get(step);
    const label = `step ${step + 1}, ${textOf(items, id)}`;
    if (made) {
      lines.push({ key: `step-${step}`, text: `Decision ${made.n}, ${label}. ${verdictOf(made.decision, items)}`, verdict: made.decision.correct ? 'right' : 'wrong' });
    } else if (step < firstAsked) {
      lines.push({ key: `step-${step}`, text: `Step ${step + 1}, ${textOf(items, id)}: shown done.`, verdict: 'shown' });
    } else {
      lines.push({ key: `step-${step}`, text: `Step ${step + 1}, ${textOf(items, id)}: not reached.`, verdict: 'not-reached' });
    }
  });
  return lines;
}

/** The hint's list: every node in reading order with where its answers lead, and where the person stands. */
export function chartOutline(pack: PackSource, currentNodeId: string | undefined): SummaryLine[] {
  const items = new Map(pack.items.map((item) => [item.id, item]));
  const sections = new Map(pack.sections.map((section) => [section.id, section.title]));
  const ordered = [...pack.items].sort((a, b) => a.order - b.order);
  return ordered.map((item, index) => {
    const here = item.id === currentNodeId;
    let text = `${kindLabel(item)}: ${quoted(chartText(item))}`;
    if (pack.kind === 'tree') {
      const onward = pack.edges.filter((edge) => edge.from === item.id && items.has(edge.to));
      if (onward.length === 1 && !onward[0]?.label) text += `, then ${textOf(items, onward[0]?.to)}`;
      else if (onward.length > 0) {
        text += `. ${onward.map((edge, i) => `${edge.label ? quoted(edge.label) : `Answer ${i + 1}`}: ${textOf(items, edge.to)}`).join('; ')}`;
      }
    } else {
      const section = item.sectionId === undefined ? undefined : sections.get(item.sectionId);
      text = `${section ? `${section}, step` : 'Step'} ${index + 1}: ${quoted(chartText(item))}`;
    }
    return { key: item.id, text: `${here ? 'You are here. ' : ''}${text}.`, ...(here ? { here } : {}) };
  });
}
