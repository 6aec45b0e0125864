import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserWindow, ipcRenderer, recorded } from '../fakes/electron';
import { createMainWindow, hardenSession, secureWebPreferences } from '../../src-main/window';
import { CONTENT_SECURITY_POLICY } from '../../src-main/web/csp';
import { COMMAND_CHANNEL, INVOKE_CHANNEL } from '../../src-main/preload/channel';

describe('desktop shell: window security', () => {
  it('uses exactly the secure web preferences', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('blocks navigation, redirects, webviews and new windows', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', indexHtml: '/r/index.html', title: 'Tradebook' }) as unknown as BrowserWindow;
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(window.loaded).toBe('/r/index.html');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      window.webContents.emit(event, { preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
  });

  it('denies every permission and sets the strict CSP on every response', () => {
    hardenSession();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      recorded.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(recorded.permissionCheckHandler?.()).toBe(false);
    let headers: unknown;
    recorded.headersHandler?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r));
    expect(headers).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});

describe('desktop shell: preload', () => {
  beforeAll(async () => {
    await import('../../src-main/preload/index');
  });

  it('exposes exactly one object with two functions: invoke, and onCommand for the menu', () => {
    expect([...recorded.exposed.keys()]).toEqual(['tradebook']);
    const api = recorded.exposed.get('tradebook') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke', 'onCommand']);
    expect(typeof api.invoke).toBe('function');
  });

  it('onCommand passes on only the menu’s command names, never the event', () => {
    const api = recorded.exposed.get('tradebook') as { onCommand: (listener: (command: string) => void) => void };
    const heard: unknown[][] = [];
    api.onCommand((...args) => heard.push(args));
    const [listener] = ipcRenderer.listeners.get(COMMAND_CHANNEL)!;
    listener!({ sender: 'main' }, 'newLead');
    listener!({ sender: 'main' }, 'require("child_process")');
    listener!({ sender: 'main' }, { toString: () => 'newLead' });
    listener!({ sender: 'main' }, 'shortcuts');
    expect(heard).toEqual([['newLead'], ['shortcuts']]);
  });

  it('forwards only string call names over the one channel', async () => {
    const api = recorded.exposed.get('tradebook') as { invoke: (name: unknown, input: unknown) => Promise<unknown> };
    await api.invoke('accounts.list', { limit: 5 });
    expect(recorded.invoked.at(-1)).toEqual([INVOKE_CHANNEL, 'accounts.list', { limit: 5 }]);
    const before = recorded.invoked.length;
    const refused = await api.invoke({ toString: () => 'x' }, {});
    expect(recorded.invoked.length).toBe(before);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_handler' } });
  });
});
