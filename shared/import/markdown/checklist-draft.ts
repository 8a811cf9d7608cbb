/** What readChecklist (checklist.ts) hands on: steps, sections and list readings before ids are assigned (index.ts). */
import type { ImportIssue, InlineTree } from '../../model';
import type { ListReadingInfo } from './list-reading';

export interface StepDraft {
  tree: InlineTree;
  plain: string;
  explicitId?: string;
  section?: number;
  parent?: number;
  rationale?: InlineTree;
  notes: string[];
  keyValues: string[];
  memory: boolean;
  line: number;
  col: number;
}

export interface SectionDraft {
  title: string;
  explicitId?: string;
  line: number;
  col: number;
  /** Steps directly in it. */
  steps: number;
  /** Heading level (1-6); a paragraph title takes its section's level + 1. */
  level: number;
  parent?: number;
}

export interface ChecklistDraft {
  steps: StepDraft[];
  sections: SectionDraft[];
  lists: ListReadingInfo[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Whether the file has task items or checkbox tables. */
  hasCheckboxes: boolean;
}
