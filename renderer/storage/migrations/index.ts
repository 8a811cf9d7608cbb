import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-pack-item-index';

/**
 * Every migration, oldest first. Append new ones; never remove, reorder or edit a
 * shipped one (test/renderer/storage/schema.test.ts checks all three).
 */
export const migrations: readonly Migration[] = [migration001, migration002];
