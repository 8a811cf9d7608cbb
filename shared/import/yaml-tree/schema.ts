/**
 * The Kata YAML/JSON decision-tree format (formats.md, "Kata YAML decision trees"),
 * as a zod schema that is also published as JSON Schema for editors:
 * resources/kata-tree.schema.json. Regenerate that file after changing this one with
 * `UPDATE_TREE_SCHEMA=1 npx vitest run test/shared/import/yaml-tree.test.ts`
 * (the test fails while the committed file differs from treeJsonSchema()).
 *
 * The schema checks shapes only (no transforms, so it converts to JSON Schema);
 * meaning — one of `ask`/`do`, known `next` targets — is checked in ./index.ts.
 */
import { z } from '../../zod';
import { metaFieldSchemas } from '../front-matter';

const text = z.string({ error: 'expected text' }).regex(/\S/, { error: 'expected text, not blank' });
const textOrList = z.union([text, z.array(text)], { error: 'expected text or a list of texts' });
/** Node ids: the YAML keys under `nodes`; no spaces or slashes (they end up in card ids). */
export const NODE_ID_PATTERN = /^[^\s/]+$/u;
const nodeRef = z.string({ error: 'expected a node id' }).regex(NODE_ID_PATTERN, { error: 'expected a node id without spaces or slashes' });

export const answerSchema = z.strictObject({
  /** What the person answers (`"yes"`, `"no"`, `"PSI > 0.25"`). Quote `yes`/`no` for YAML 1.1 tools. */
  label: z
    .union([z.string().regex(/\S/), z.number(), z.boolean()], { error: 'expected the answer text' })
    .describe('What the person answers; quote "yes" and "no".'),
  /** The node this answer leads to. */
  next: nodeRef.describe('Id of the node this answer leads to.'),
  /** Shown after the answer in a simulation. */
  feedback: text.optional().describe('Shown after this answer in a simulation.'),
});

export const nodeSchema = z.strictObject({
  /** A decision: the question asked. Needs `answers`. */
  ask: text.optional().describe('A decision: the question asked (needs answers).'),
  /** Why this question or action matters: a "why" drill. */
  why: text.optional().describe('Why this question or action matters.'),
  answers: z.array(answerSchema, { error: 'expected a list of answers' }).min(1).optional(),
  /** An action (with `next`) or an outcome (without). */
  do: text.optional().describe('An action (with next) or an outcome (without next).'),
  next: nodeRef.optional().describe('Id of the node after this action.'),
  /** Marks an outcome as resolved (`ok`) or failed (`fail`). */
  outcome: z.enum(['ok', 'fail']).optional().describe('An outcome: resolved (ok) or failed (fail).'),
  /** What the person sees at this point of a scenario. */
  observe: textOrList.optional().describe('What the person sees at this point of a scenario.'),
  notes: textOrList.optional(),
  /** Must be done from recall, fast and exact. */
  memory: z.boolean({ error: 'expected true or false' }).optional(),
});

export const sectionSchema = z.strictObject({
  id: nodeRef,
  title: text,
  /** The nodes of this section (phase), by id. */
  nodes: z.array(nodeRef, { error: 'expected a list of node ids' }).optional(),
});

export const treeSchema = z.strictObject({
  /** Format version: always 1. */
  kata: z
    .literal(1, { error: 'expected `kata: 1` (the version of the Kata tree format)' })
    .describe('Format version: 1.'),
  ...metaFieldSchemas,
  description: text.optional(),
  /** The first node; defaults to the first node listed. */
  start: nodeRef.optional().describe('Id of the first node; defaults to the first node listed.'),
  sections: z.array(sectionSchema, { error: 'expected a list of sections' }).optional(),
  nodes: z.record(nodeRef, nodeSchema, { error: 'expected a mapping of node ids to nodes' }),
});

export type TreeDocument = z.infer<typeof treeSchema>;
export type TreeNode = z.infer<typeof nodeSchema>;

/** The JSON Schema of the tree format (what resources/kata-tree.schema.json must contain). */
export function treeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(treeSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'Kata decision tree',
    description: 'A Kata YAML/JSON decision tree (kata: 1). See formats.md.',
    ...schema,
  };
}
