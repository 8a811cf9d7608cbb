/**
 * The IPC gatekeeper, fuzzed (issue 12): whatever a compromised page sends through
 * `window.kata`, a malformed call is refused with an error naming the method, and no handler
 * ever runs; a well-formed call from the app's window reaches exactly its handler with
 * exactly its arguments. Calls go through the registered `ipcMain.handle` listeners, as
 * Electron delivers them, with the real sender check and the real schemas of shared/ipc.ts.
 *
 * What a page can send is what survives Electron's structured clone: plain values, arrays,
 * plain objects (own keys such as `__proto__` included), no functions or getters.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { fitsInUtf8Bytes, ipcChannel, ipcMethods, MAX_WRITE_BYTES } from '../../shared/ipc';
import type { IpcHandlers, IpcMethod } from '../../shared/ipc';
import { registerHandlers } from '../../electron/ipc-gatekeeper';
import { createSenderCheck } from '../../electron/sender-check';
import { APP_ORIGIN } from '../../electron/app-origin';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrameMain,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFake,
} from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

/** One field of a method's argument object: how to make it valid, of the wrong type, too long, or an escape. */
interface FieldSpec {
  valid: fc.Arbitrary<unknown>;
  /** Values of no valid type for the field (default: anything that is not a string). */
  invalid?: fc.Arbitrary<unknown>;
  /** Longer than the contract allows (left out for `text`: its 200 MB limit is too big to build over and over; one example below). */
  tooLong?: fc.Arbitrary<string>;
  /** Path traversal and other ways out of a folder, for ids and paths. */
  escapes?: fc.Arbitrary<string>;
}

const longerThan = (max: number) => fc.integer({ min: max + 1, max: max + 4096 }).map((n) => 'x'.repeat(n));

/** Inserts one of `needles` into `base` at a generated position. */
const inserting = (base: fc.Arbitrary<string>, needles: readonly string[]) =>
  fc
    .tuple(base, fc.constantFrom(...needles), fc.nat())
    .map(([text, needle, at]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + needle + text.slice(cut);
    });

const folderId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
/** A write session's token as main hands it out: 32 hex digits. */
const writeToken = fc.stringMatching(/^[0-9a-f]{32}$/);
const backupId = fc.stringMatching(/^[A-Za-z0-9._-]{1,120}$/).filter((id) => !/^\.+$/.test(id));
const segment = fc.stringMatching(/^[A-Za-z0-9 _.-]{1,24}$/).filter((part) => part !== '..');
const relativePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
/** Any text, astral characters included, within `max` UTF-16 units. */
const textUpTo = (max: number, min = 0) =>
  fc.string({ unit: 'binary', minLength: min, maxLength: max }).filter((text) => text.length >= min && text.length <= max);

/** Separators, parent steps, NUL, drive letters and encodings that must never pass as an id. */
const ID_ESCAPES = ['/', '\\', '\0', ':', ' ', '../', '..\\', '%2e%2e%2f', '\n'];

const FIELDS: Record<IpcMethod, Record<string, FieldSpec> | null> = {
  appInfo: null,
  pickImportFiles: null,
  listBackups: null,
  addLibraryFolder: null,
  listLibraryFolders: null,
  saveTextFile: {
    suggestedName: { valid: textUpTo(255, 1), tooLong: longerThan(255) },
    text: { valid: textUpTo(200) },
  },
  printToPdf: {
    suggestedName: { valid: textUpTo(255, 1), tooLong: longerThan(255) },
  },
  writeBackup: {
    name: { valid: textUpTo(120, 1), tooLong: longerThan(120) },
    text: { valid: textUpTo(200) },
  },
  beginSaveFile: {
    suggestedName: { valid: textUpTo(255, 1), tooLong: longerThan(255) },
  },
  beginBackupFile: {
    name: { valid: textUpTo(120, 1), tooLong: longerThan(120) },
  },
  appendWrite: {
    token: { valid: writeToken, tooLong: writeToken.map((token) => `${token}0`), escapes: inserting(writeToken, ID_ESCAPES) },
    text: { valid: textUpTo(200) },
  },
  finishWrite: {
    token: { valid: writeToken, tooLong: writeToken.map((token) => `${token}0`), escapes: inserting(writeToken, ID_ESCAPES) },
  },
  abortWrite: {
    token: { valid: writeToken, tooLong: writeToken.map((token) => `${token}0`), escapes: inserting(writeToken, ID_ESCAPES) },
  },
  readBackupChunk: {
    id: {
      valid: backupId,
      tooLong: longerThan(120),
      escapes: fc.oneof(inserting(backupId, ID_ESCAPES), fc.constantFrom('.', '..', '/etc/passwd')),
    },
    offset: {
      valid: fc.nat(),
      invalid: fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.constantFrom(Number.NaN, Infinity, 2 ** 60), fc.string(), fc.constant(null)),
    },
  },
  removeBackup: {
    id: {
      valid: backupId,
      tooLong: longerThan(120),
      escapes: fc.oneof(inserting(backupId, ID_ESCAPES), fc.constantFrom('.', '..', '/etc/passwd')),
    },
  },
  readBackup: {
    id: {
      valid: backupId,
      tooLong: longerThan(120),
      escapes: fc.oneof(inserting(backupId, ID_ESCAPES), fc.constantFrom('.', '..', '...', '', '/etc/passwd', 'C:\\Windows')),
    },
  },
  removeLibraryFolder: {
    id: { valid: folderId, tooLong: longerThan(64), escapes: fc.oneof(inserting(folderId, [...ID_ESCAPES, '.']), fc.constantFrom('', '..', '/home')) },
  },
  scanLibraryFolder: {
    id: { valid: folderId, tooLong: longerThan(64), escapes: fc.oneof(inserting(folderId, [...ID_ESCAPES, '.']), fc.constantFrom('', '..', '/home')) },
  },
  readLibraryFile: {
    folderId: { valid: folderId, tooLong: longerThan(64), escapes: inserting(folderId, [...ID_ESCAPES, '.']) },
    relativePath: {
      valid: relativePath,
      tooLong: longerThan(1024),
      escapes: fc.oneof(
        // A `..` step anywhere, with either separator.
        fc
          .tuple(fc.array(segment, { maxLength: 4 }), fc.nat(), fc.constantFrom('/', '\\'))
          .map(([parts, at, sep]) => {
            const steps = [...parts];
            steps.splice(at % (steps.length + 1), 0, '..');
            return steps.join(sep);
          }),
        // Absolute: a leading separator or a drive letter.
        fc.tuple(fc.constantFrom('/', '\\', 'C:', 'c:/', 'Z:\\', '//server/share/'), relativePath).map(([head, rest]) => head + rest),
        inserting(relativePath, ['\0']),
        fc.constant(''),
      ),
    },
  },
};

const methodsWithArgs = ipcMethods.filter((method) => FIELDS[method] !== null);
const methodsWithout = ipcMethods.filter((method) => FIELDS[method] === null);

/** A well-formed argument list for `method`. */
function validArgs(method: IpcMethod): fc.Arbitrary<unknown[]> {
  const fields = FIELDS[method];
  if (fields === null) return fc.constant([]);
  const record = Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.valid]));
  return fc.record(record).map((object) => [object]);
}

const validCall = fc.constantFrom(...ipcMethods).chain((method) => validArgs(method).map((args) => ({ method, args })));

/** Anything a structured clone can carry that is not a string. */
const notAString = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }).filter(
  (value) => typeof value !== 'string',
);

/** Anything that is not a plain object with the right keys: primitives, arrays, collections. */
const notAnObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.array(fc.anything()),
  fc.date(),
  fc.constant(new Map([['id', 'abc']])),
  fc.uint8Array(),
);

/** Keys the contract never names, the prototype-pollution classics first. */
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'),
  fc.string({ minLength: 1, maxLength: 2000 }),
);

/** `object` with an extra own, enumerable key (so `__proto__` is a key, not the prototype). */
function withOwnKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Malformed argument lists for `method`, each labelled with how it is wrong. */
function malformedArgs(method: IpcMethod): fc.Arbitrary<{ how: string; args: unknown[] }> {
  const fields = FIELDS[method];
  if (fields === null) {
    return fc.array(fc.anything(), { minLength: 1, maxLength: 4 }).map((args) => ({ how: 'arguments to a method that takes none', args }));
  }
  const names = Object.keys(fields);
  const valid = validArgs(method).map((args) => args[0] as Record<string, unknown>);
  const field = fc.constantFrom(...names);
  const kinds: fc.Arbitrary<{ how: string; args: unknown[] }>[] = [
    fc.constant({ how: 'no argument', args: [] }),
    fc.tuple(valid, fc.array(fc.anything(), { minLength: 1, maxLength: 3 })).map(([object, rest]) => ({ how: 'extra arguments', args: [object, ...rest] })),
    notAnObject.map((value) => ({ how: 'not an object', args: [value] })),
    field.chain((name) =>
      fc.tuple(valid, fields[name]?.invalid ?? notAString).map(([object, value]) => ({ how: `${name} of a wrong type or value`, args: [{ ...object, [name]: value }] })),
    ),
    fc.tuple(valid, field).map(([object, name]) => {
      const copy = { ...object };
      delete copy[name];
      return { how: `${name} missing`, args: [copy] };
    }),
    fc
      .tuple(valid, extraKey.filter((key) => !names.includes(key)), fc.anything())
      .map(([object, key, value]) => ({ how: `extra key ${JSON.stringify(key.slice(0, 20))}`, args: [withOwnKey(object, key, value)] })),
    // A whole payload parsed from JSON, as a page would build it to pollute prototypes.
    valid.map((object) => ({
      how: 'JSON with __proto__',
      args: [JSON.parse(JSON.stringify(object).replace(/^\{/, '{"__proto__":{"polluted":true},'))],
    })),
  ];
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.tooLong) {
      kinds.push(fc.tuple(valid, spec.tooLong).map(([object, value]) => ({ how: `${name} too long`, args: [{ ...object, [name]: value }] })));
    }
    if (spec.escapes) {
      kinds.push(fc.tuple(valid, spec.escapes).map(([object, value]) => ({ how: `${name} escapes: ${JSON.stringify(value)}`, args: [{ ...object, [name]: value }] })));
    }
  }
  return fc.oneof(...kinds);
}

const malformedCall = fc
  .constantFrom(...ipcMethods)
  .chain((method) => malformedArgs(method).map(({ how, args }) => ({ method, how, args })));

function spyHandlers(): IpcHandlers {
  return Object.fromEntries(ipcMethods.map((method) => [method, vi.fn(async (...args: unknown[]) => ({ method, args }))])) as unknown as IpcHandlers;
}

let window: FakeBrowserWindow;
let handlers: IpcHandlers;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

function calledHandlers(): string[] {
  return ipcMethods.filter((method) => vi.mocked(handlers[method]).mock.calls.length > 0);
}

function resetCalls(): void {
  for (const method of ipcMethods) vi.mocked(handlers[method]).mockClear();
}

beforeAll(() => {
  resetElectronFake();
  window = new FakeBrowserWindow();
  handlers = spyHandlers();
  registerHandlers(ipcMain as unknown as IpcMain, handlers, createSenderCheck(() => window as unknown as BrowserWindow, [APP_ORIGIN]));
});

beforeEach(() => {
  window.destroyed = false;
  resetCalls();
});

afterAll(() => {
  // Nothing any call carried reached Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('the IPC gatekeeper under malformed calls', () => {
  it('covers every method of the contract', () => {
    expect([...methodsWithArgs, ...methodsWithout].sort()).toEqual([...ipcMethods].sort());
  });

  it('refuses every malformed call with an error naming the method, and runs no handler', async () => {
    await fc.assert(
      fc.asyncProperty(malformedCall, async ({ method, how, args }) => {
        resetCalls();
        const error = await ipcMain.invoke(ipcChannel(method), fakeInvokeEvent(window.webContents), ...args).then(
          () => null,
          (reason: unknown) => reason,
        );
        expect(error, `${method}: ${how} was accepted`).toBeInstanceOf(Error);
        const message = (error as Error).message;
        expect(message).toMatch(new RegExp(`^kata\\.${method}: invalid arguments \\(args`));
        // The error names where the call is wrong, not what it carried: it stays short whatever was sent.
        expect(message.length, message.slice(0, 200)).toBeLessThan(600);
        expect(calledHandlers(), `${method}: ${how}`).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });

  it('lets every well-formed call from the app window reach exactly its handler, with exactly its arguments', async () => {
    await fc.assert(
      fc.asyncProperty(validCall, async ({ method, args }) => {
        resetCalls();
        const result = await ipcMain.invoke(ipcChannel(method), fakeInvokeEvent(window.webContents), ...args);
        expect(calledHandlers()).toEqual([method]);
        expect(vi.mocked(handlers[method]).mock.calls[0]).toEqual(args);
        expect(result).toEqual({ method, args });
      }),
      { numRuns: 300 },
    );
  });
});

/** Senders that are not the top frame of the app's window at the app's origin. */
const foreignOrigin = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'file:///etc/passwd',
    'app://other/index.html',
    'app://kata.evil/index.html',
    'app://kata:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,<script>1</script>',
    'about:blank',
    'http://127.0.0.1:5173/',
    'not a url',
  ),
);

type Sender = { how: string; event: ReturnType<typeof fakeInvokeEvent>; destroyWindow?: boolean };

const untrustedSender: fc.Arbitrary<Sender> = fc.oneof(
  fc.oneof(foreignOrigin, fc.constant('app://kata/index.html')).map((url) => ({
    how: `another WebContents at ${url}`,
    event: fakeInvokeEvent(new FakeWebContents(url)),
  })),
  fc.oneof(foreignOrigin, fc.constant('app://kata/index.html')).map((url) => ({
    how: `a subframe of the app window at ${url}`,
    event: fakeInvokeEvent(window.webContents, new FakeWebFrameMain(url, window.webContents.mainFrame)),
  })),
  foreignOrigin.map((url) => ({ how: `the app window's frame at ${url}`, event: fakeInvokeEvent(window.webContents, new FakeWebFrameMain(url)) })),
  fc.constant(null).map(() => ({ how: 'a vanished frame', event: fakeInvokeEvent(window.webContents, null) })),
  fc.constant(null).map(() => ({ how: 'a destroyed window', event: fakeInvokeEvent(window.webContents), destroyWindow: true })),
);

describe('the IPC gatekeeper under wrong senders', () => {
  it('refuses even a well-formed call from anyone but the app window, before looking at it', async () => {
    await fc.assert(
      fc.asyncProperty(validCall, untrustedSender, async ({ method, args }, sender) => {
        resetCalls();
        window.destroyed = sender.destroyWindow === true;
        try {
          await expect(ipcMain.invoke(ipcChannel(method), sender.event, ...args), sender.how).rejects.toThrow(
            `kata.${method}: untrusted sender`,
          );
          expect(calledHandlers(), sender.how).toEqual([]);
        } finally {
          window.destroyed = false;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says "untrusted sender", not what was wrong with the arguments, to a foreign caller', async () => {
    await fc.assert(
      fc.asyncProperty(malformedCall, foreignOrigin, async ({ method, args }, url) => {
        resetCalls();
        await expect(ipcMain.invoke(ipcChannel(method), fakeInvokeEvent(new FakeWebContents(url)), ...args)).rejects.toThrow(
          `kata.${method}: untrusted sender`,
        );
        expect(calledHandlers()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the size of what main writes', () => {
  it('fitsInUtf8Bytes counts exactly what Node writes, lone surrogates included', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 }).map((units) => String.fromCharCode(...units)),
    );
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 320 }), (text, limit) => {
        expect(fitsInUtf8Bytes(text, limit)).toBe(Buffer.byteLength(text, 'utf8') <= limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a backup or a save over 200 MB, counted in characters or in UTF-8 bytes', async () => {
    const tooManyCharacters = 'x'.repeat(MAX_WRITE_BYTES + 1);
    // Fewer characters than the limit, but two bytes each once written.
    const tooManyBytes = 'é'.repeat(MAX_WRITE_BYTES / 2 + 1);
    for (const text of [tooManyCharacters, tooManyBytes]) {
      await expect(ipcMain.invoke(ipcChannel('writeBackup'), fakeInvokeEvent(window.webContents), { name: 'big', text })).rejects.toThrow(
        /^kata\.writeBackup: invalid arguments \(args\.0\.text: /,
      );
      await expect(
        ipcMain.invoke(ipcChannel('saveTextFile'), fakeInvokeEvent(window.webContents), { suggestedName: 'big.json', text }),
      ).rejects.toThrow(/^kata\.saveTextFile: invalid arguments \(args\.0\.text: /);
    }
    expect(calledHandlers()).toEqual([]);
  }, 60_000);
});
