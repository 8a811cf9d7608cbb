/** The start-up failure screen says what kind of failure it was, and offers Reload only where it can help. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { BootFailure } from '../../../renderer/app/BootFailure';
import { MigrationFailedError, NewerDatabaseError } from '../../../renderer/storage/db';

const render = (error: unknown): string => renderToStaticMarkup(<BootFailure error={error} />);

describe('BootFailure', () => {
  test('a library from a newer Kata: what happened and what to do, and no Reload (it cannot help)', () => {
    const markup = render(new NewerDatabaseError(7, 5));
    expect(markup).toContain('<h1>This library needs a newer Kata</h1>');
    expect(markup).toContain('its database is at schema 7; this version of Kata knows schema 5 and older');
    expect(markup).toContain('Nothing was changed or deleted.');
    expect(markup).not.toContain('Reload');
  });

  test('a failed migration: which one and why, that the library is as it was, and Reload', () => {
    const markup = render(new MigrationFailedError({ version: 6, name: '006-next' }, new Error('bad record')));
    expect(markup).toContain('<h1>Kata could not upgrade your library</h1>');
    expect(markup).toContain('schema 6 (006-next): bad record');
    expect(markup).toContain('exactly as the previous version of Kata left it');
    expect(markup).toContain('Reload');
  });

  test('any other failure keeps the general wording', () => {
    const markup = render(new Error('blocked'));
    expect(markup).toContain('<h1>Kata could not start</h1>');
    expect(markup).toContain('<pre class="boot-failure-detail">blocked</pre>');
    expect(markup).toContain('Reload');
  });
});
