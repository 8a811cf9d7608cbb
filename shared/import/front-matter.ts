/**
 * Pack metadata: YAML front matter of Markdown files, and the same keys at the top
 * of Kata YAML trees (formats.md, "Common rules"): `title`, `tags`, `rarity`,
 * `criticality`, `time_limit`, `id`.
 *
 * Strict with the known keys (a wrong `rarity` is an error at that key's value),
 * lenient with the rest: real files carry `name:`, `about:`, `labels:`,
 * `assignees:`, `description:` ... and those are kept out of the way silently.
 */
import { z } from '../zod';
import type { ImportIssue, PackMeta } from '../model';
import { parseLocatedYaml, zodIssuesToImportIssues } from './yaml-locate';
import { issueAt } from './result';

export const RARITIES = ['common', 'occasional', 'rare'] as const;
export const CRITICALITIES = ['low', 'medium', 'high'] as const;

/** `90s`, `10m`, `1h30m`, `1h 30m 15s`: hours, minutes and seconds, in that order. */
export const DURATION_PATTERN = /^(?=\s*\d)(?:\s*\d+\s*h)?(?:\s*\d+\s*m)?(?:\s*\d+\s*s)?\s*$/;

/** Milliseconds of a duration like `90s`, `10m` or `1h30m`; null when it is not one. */
export function parseDuration(text: string): number | null {
  if (!DURATION_PATTERN.test(text)) return null;
  const part = (unit: string): number => {
    const match = new RegExp(`(\\d+)\\s*${unit}`).exec(text);
    return match ? Number(match[1]) : 0;
  };
  return ((part('h') * 60 + part('m')) * 60 + part('s')) * 1000;
}

const DURATION_HINT = 'expected a duration like 90s, 10m or 1h30m';

/** The known metadata keys, shared by front matter and the Kata tree schema (no transforms, so they publish as JSON Schema). */
export const metaFieldSchemas = {
  id: z
    .union([z.string(), z.number()], { error: 'expected an id (text without spaces or slashes)' })
    .refine((value) => /^[^\s/]+$/u.test(String(value)), { error: 'expected an id without spaces or slashes' })
    .optional()
    .describe('Keeps the pack identity across renames of the file.'),
  title: z.union([z.string(), z.number()], { error: 'expected text' }).optional().describe('The pack title.'),
  tags: z
    .union([z.string(), z.array(z.union([z.string(), z.number()]))], { error: 'expected a tag or a list of tags' })
    .optional()
    .describe('A list of tags, or one string of comma-separated tags.'),
  rarity: z.enum(RARITIES).optional().describe('How often the real situation happens.'),
  criticality: z.enum(CRITICALITIES).optional().describe('What it costs to get it wrong.'),
  time_limit: z
    .string({ error: DURATION_HINT })
    .regex(DURATION_PATTERN, { error: DURATION_HINT })
    .refine((value) => (parseDuration(value) ?? 0) > 0, { error: 'expected a duration longer than 0s' })
    .optional()
    .describe('Time budget of a simulation, like 90s, 10m or 1h30m.'),
};

const frontMatterSchema = z.looseObject(metaFieldSchemas);

type MetaValues = {
  id?: string | number;
  tags?: string | (string | number)[];
  rarity?: (typeof RARITIES)[number];
  criticality?: (typeof CRITICALITIES)[number];
  time_limit?: string;
};

/** PackMeta from validated metadata values: tags split on commas, the time limit in milliseconds. */
export function toPackMeta(values: MetaValues): PackMeta {
  const rawTags = values.tags === undefined ? [] : typeof values.tags === 'string' ? values.tags.split(',') : values.tags;
  const tags = [...new Set(rawTags.map((tag) => String(tag).trim()).filter((tag) => tag !== ''))];
  const meta: PackMeta = { tags };
  if (values.id !== undefined) meta.id = String(values.id);
  if (values.rarity) meta.rarity = values.rarity;
  if (values.criticality) meta.criticality = values.criticality;
  if (values.time_limit !== undefined) meta.timeLimitMs = parseDuration(values.time_limit) ?? undefined;
  return meta;
}

export interface FrontMatter {
  meta: PackMeta;
  /** `title`, or `name` for a GitHub issue template (whose `title` is the new issue's title). */
  title?: string;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/**
 * Reads the YAML between the `---` fences. `lineOffset` is the number of file lines
 * before the YAML source (1 for front matter opened on line 1), so positions are the file's.
 */
export function readFrontMatter(source: string, file: string, lineOffset = 1): FrontMatterResult {
  const parsed = parseLocatedYaml(source, file, lineOffset);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const value = parsed.yaml.value;
  if (value === null || value === undefined) return { ok: true, frontMatter: { meta: { tags: [] } }, warnings: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [issueAt(file, lineOffset + 1, 1, 'front matter must be a mapping of keys (like `title: ...`)')],
      warnings: [],
    };
  }
  // An empty value (`title:`) is as good as no key: templates leave keys blank.
  const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const result = frontMatterSchema.safeParse(present);
  if (!result.success) {
    return { ok: false, errors: zodIssuesToImportIssues(parsed.yaml, result.error.issues), warnings: [] };
  }
  const values = result.data;
  const isIssueTemplate = typeof present.about === 'string' && typeof present.name === 'string';
  const rawTitle = isIssueTemplate ? present.name : values.title;
  const title = rawTitle === undefined ? undefined : String(rawTitle).trim() || undefined;
  return { ok: true, frontMatter: { meta: toPackMeta(values), title }, warnings: [] };
}
