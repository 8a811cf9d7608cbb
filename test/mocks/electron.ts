/**
 * A fake of the slice of Electron's API that electron/ uses, for unit tests in
 * plain Node (no Electron runtime exists here). Use it with
 * `vi.mock('electron', () => import('../mocks/electron'))`, and call
 * `resetElectronFake()` in `beforeEach`.
 *
 * Fakes record what was registered (IPC handlers, protocol handlers, session
 * hooks) so tests can drive them directly; they do not emulate Chromium.
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** A tiny EventEmitter stand-in with `emit` for tests to fire Electron events. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.off(event, wrapped);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  /** Calls every listener of `event` with `args`. */
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...a: unknown[]) => unknown)(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** Stand-in for WebFrameMain: what the IPC sender check reads. */
export class FakeWebFrameMain {
  constructor(
    public url: string,
    public parent: FakeWebFrameMain | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly mainFrame: FakeWebFrameMain;
  /** What main pushed to this page with `send`, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];

  constructor(url = 'app://kata/index.html') {
    super();
    this.mainFrame = new FakeWebFrameMain(url);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** The PDF "printed": a fixed small document, and the options it was asked with. */
  readonly printToPDF = vi.fn(async (_options: unknown): Promise<Buffer> => Buffer.from('%PDF-1.7 fake\n'));
}

/** Builds an IpcMainInvokeEvent-shaped object from `contents` (its main frame by default). */
export function fakeInvokeEvent(contents: FakeWebContents, frame: FakeWebFrameMain | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' as const };
}

export class BrowserWindow extends FakeEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  loadedUrl: string | null = null;

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  maximize(): void {
    this.maximized = true;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  /** Like Electron, refuses a second handler on the same channel. */
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  /** Test helper: what `ipcRenderer.invoke(channel, ...args)` would run in main. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ({ channel, args })),
  listeners: new Map<string, RendererListener[]>(),
  on: vi.fn((channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), listener]);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.set(channel, (ipcRenderer.listeners.get(channel) ?? []).filter((l) => l !== listener));
    return ipcRenderer;
  }),
  /** Test helper: what `webContents.send(channel, ...args)` in main would deliver to the page. */
  emit(channel: string, ...args: unknown[]): void {
    for (const listener of ipcRenderer.listeners.get(channel) ?? []) listener({ sender: 'ipc-renderer-event' }, ...args);
  },
  listenerCount(channel: string): number {
    return ipcRenderer.listeners.get(channel)?.length ?? 0;
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
};

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  spellCheckerEnabled = true;
  spellCheckerDictionaryDownloadURL: string | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    },
  };

  setSpellCheckerEnabled(enable: boolean): void {
    this.spellCheckerEnabled = enable;
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadURL = url;
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** Test helper: resolves with what the request handler granted. */
  requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequestHandler) throw new Error('no permission request handler');
      this.permissionRequestHandler(null, permission, resolve, { requestingUrl });
    });
  }

  /** Test helper: true when the request filter cancels `url`. */
  isBlocked(url: string): boolean {
    if (!this.beforeRequest) throw new Error('no onBeforeRequest listener');
    let cancel: boolean | undefined;
    this.beforeRequest({ url }, (response) => {
      cancel = response.cancel;
    });
    if (cancel === undefined) throw new Error('onBeforeRequest did not answer synchronously');
    return cancel;
  }
}

export const session = { defaultSession: new FakeSession() };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const nativeTheme = { shouldUseDarkColors: false };

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: unknown) => {}),
};

const appEvents = new FakeEmitter();
export const app = {
  isPackaged: false,
  userDataPath: '/tmp/kata-fake-user-data',
  getName: vi.fn(() => 'Kata'),
  getVersion: vi.fn(() => '0.1.0'),
  getPath: vi.fn((name: string) => (name === 'userData' ? app.userDataPath : `/tmp/kata-fake-${name}`)),
  on: vi.fn((event: string, listener: Listener) => appEvents.on(event, listener)),
  emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  whenReady: vi.fn(() => Promise.resolve()),
  isReady: vi.fn(() => true),
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(() => {}),
  quit: vi.fn(() => {}),
  exit: vi.fn((_code?: number) => {}),
};

/** Forgets everything registered by a previous test. */
export function resetElectronFake(): void {
  vi.clearAllMocks();
  ipcMain.handlers.clear();
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  BrowserWindow.instances.length = 0;
  nativeTheme.shouldUseDarkColors = false;
  app.isPackaged = false;
  app.userDataPath = '/tmp/kata-fake-user-data';
}
