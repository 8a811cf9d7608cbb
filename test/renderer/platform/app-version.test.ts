import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { APP_NAME, APP_VERSION } from '../../../renderer/platform/app-version';

test('the web build reports the version and name of package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string; productName: string };
  expect(APP_VERSION).toBe(pkg.version);
  expect(APP_NAME).toBe(pkg.productName);
});
