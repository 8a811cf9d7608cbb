import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-pack-item-index';
import { migration003 } from './003-simulation-attempts';
import { migration004 } from './004-progress-rollups';
import { migration005 } from './005-plain-item-text';
import { migration006 } from './006-memory-sketch-spans';

/**
 * Every migration, oldest first. Append new ones; never remove, reorder or edit a
 * shipped one (test/renderer/storage/schema.test.ts checks all three).
 */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];
