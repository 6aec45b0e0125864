/**
 * A stand-in for the `electron` module in unit tests (vitest aliases it): Electron's binary cannot run here.
 * It records what the shell asks of Electron so tests can assert the exact settings.
 */
type Listener = (...args: unknown[]) => void;

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: unknown) => { action: string }) | null = null;
  /** What the main process sent the window (channel, …args). */
  sent: unknown[][] = [];
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: unknown) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends Emitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export const recorded = {
  permissionRequestHandler: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
  headersHandler: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof recorded.permissionRequestHandler) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof recorded.permissionCheckHandler) {
      recorded.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(handler: typeof recorded.headersHandler) {
        recorded.headersHandler = handler;
      },
    },
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    recorded.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoke(...args: unknown[]) {
    recorded.invoked.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
  /** Listeners by channel: tests call them as the main process's messages would. */
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), listener]);
  },
};

/** The application menu: the template of the last menu set is recorded. */
export const Menu = {
  applied: null as null | { template: Record<string, unknown>[] },
  buildFromTemplate(template: Record<string, unknown>[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: Record<string, unknown>[] } | null) {
    Menu.applied = menu;
  },
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    ipcMain.handlers.set(channel, handler);
  },
};

/** The system's power and lock events ('resume', 'unlock-screen', …): tests emit them. */
export const powerMonitor = new Emitter();

/** System notifications: every one shown is recorded. */
export class Notification extends Emitter {
  static shown: { title: string; body: string }[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

/** A utility process (the background rescore): what it was sent is recorded; it answers only when a test emits. */
export class FakeUtilityProcess extends Emitter {
  sent: unknown[] = [];
  killed = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  kill() {
    this.killed = true;
    this.emit('exit', null);
    return true;
  }
}

export const utilityProcess = {
  forked: [] as { modulePath: string; args: string[]; options: Record<string, unknown>; child: FakeUtilityProcess }[],
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) {
    const child = new FakeUtilityProcess();
    utilityProcess.forked.push({ modulePath, args, options, child });
    return child;
  },
};

export const dialog = {
  errors: [] as string[][],
  showErrorBox(title: string, content: string) {
    dialog.errors.push([title, content]);
  },
};

class FakeApp extends Emitter {
  singleInstance = true;
  sandboxEnabled = false;
  quitCalls = 0;
  exitCode: number | null = null;
  isPackaged = false;
  userData = '/nonexistent';
  private ready: (() => void) | null = null;
  readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  requestSingleInstanceLock() {
    return this.singleInstance;
  }
  enableSandbox() {
    this.sandboxEnabled = true;
  }
  whenReady() {
    return this.readyPromise;
  }
  fireReady() {
    this.ready?.();
  }
  getPath() {
    return this.userData;
  }
  quit() {
    this.quitCalls++;
  }
  exit(code: number) {
    this.exitCode = code;
  }
}
export const app = new FakeApp();

export default { BrowserWindow, session, contextBridge, ipcRenderer, ipcMain, dialog, app, powerMonitor, Notification, utilityProcess };
