/**
 * The committed migration fixtures (test/fixtures/migrations/, written by
 * scripts/make-migration-fixture.mjs through each version's own app, opened by today's app in
 * test/e2e/migrations.e2e.ts): every migration has a fixture at the version before it, so none
 * is never exercised; and each fixture is really a database of its version — its IndexedDB
 * version, and its object stores and indexes exactly the schema the migrations up to that
 * version declare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { migrations } from '../../../renderer/storage/migrations/index';
import type { MigrationFixture } from '../../e2e/migration-fixtures';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/migrations');
const fixtures = readdirSync(DIR)
  .filter((name) => /^kata-v\d+\.json$/.test(name))
  .map((name) => ({ name, fixture: JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as MigrationFixture }));

/** One Dexie key spec ("[packId+at]", "id") as IndexedDB's key path. */
function keyPathOf(spec: string): string | string[] {
  const bare = spec.replace(/^(\+\+|&|\*)/, '');
  return bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
}

/** The object stores, primary keys and index names the migrations up to `version` declare. */
function schemaAt(version: number): Record<string, { keyPath: string | string[]; indexes: string[] }> {
  const stores: Record<string, string | null> = {};
  for (const migration of migrations.filter((m) => m.version <= version)) Object.assign(stores, migration.stores);
  const schema: Record<string, { keyPath: string | string[]; indexes: string[] }> = {};
  for (const [name, spec] of Object.entries(stores)) {
    if (spec === null) continue;
    const [primary, ...indexes] = spec.split(',').map((part) => part.trim()).filter(Boolean);
    schema[name] = { keyPath: keyPathOf(primary!), indexes: indexes.map((index) => index.replace(/^(&|\*)/, '')).sort() };
  }
  return schema;
}

describe('migration fixtures', () => {
  test('every migration has a fixture of the version before it (none is never exercised)', () => {
    const versions = new Set(fixtures.map(({ fixture }) => fixture.version));
    const unexercised = migrations.slice(1).filter((_, i) => !versions.has(migrations[i]!.version));
    expect(unexercised.map((m) => m.name)).toEqual([]);
  });

  test.each(fixtures)('$name is a database of its version, written by that version\u2019s app', ({ name, fixture }) => {
    expect(name).toBe(`kata-v${fixture.version}.json`);
    expect(fixture.format).toBe(1);
    expect(fixture.idbVersion).toBe(fixture.version * 10);
    expect(fixture.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(fixture.writtenBy).toMatch(/^scripts\/make-migration-fixture\.mjs through the app at /);
    const actual = Object.fromEntries(
      Object.entries(fixture.stores).map(([store, dump]) => [store, { keyPath: dump.keyPath, indexes: dump.indexes.map((index) => index.name).sort() }]),
    );
    expect(actual).toEqual(schemaAt(fixture.version));
    // A fresh database of that version recorded every migration it was created with.
    const recorded = (fixture.stores.migrations?.records ?? []).map(([key]) => key);
    expect(recorded).toEqual(migrations.filter((m) => m.version <= fixture.version).map((m) => m.version));
    // Representative: packs with items and cards, answers, a setting.
    for (const store of ['packs', 'items', 'cards', 'events', 'settings']) expect(fixture.stores[store]?.records.length, store).toBeGreaterThan(0);
  });
});
