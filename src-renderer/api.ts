/**
 * The only code in the renderer that talks to the main process. In the desktop app the preload exposes
 * `window.tradebook.invoke`; in web mode calls go over HTTP to the local server with the per-run token.
 * Either way a call returns a Result and never throws.
 */
import type { HandlerName, InputOf, OutputOf } from '../src-main/contract';
import { renderMessage, type Result } from '../src-main/contract/errors';
import type { JobProgress } from '../src-main/contract/progress';

export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** The desktop menu's commands (src-main/menu.ts); absent in web mode. */
  onCommand?(listener: (command: 'newLead' | 'shortcuts') => void): void;
}

declare global {
  interface Window {
    tradebook?: DesktopBridge;
  }
}

const TOKEN_KEY = 'tradebook.token';

/** Web mode: the token arrives once in the URL (?token=…), is kept for the tab and removed from the address bar. */
function webToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token: string | null | undefined;

async function overHttp(name: string, input: unknown): Promise<Result<unknown>> {
  if (token === undefined) token = webToken();
  try {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify({ name, input }),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    // The server is gone (closed, crashed): say so in the language on screen, never a blank page.
    const language = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
    return { ok: false, error: { code: 'server_unreachable', message: renderMessage(language, 'server_unreachable', {}) } };
  }
}

export const api = {
  async call<K extends HandlerName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
    const bridge = window.tradebook;
    const result = bridge ? await bridge.invoke(name, input) : await overHttp(name, input);
    return result as Result<OutputOf<K>>;
  },
  transport(): 'ipc' | 'http' {
    return window.tradebook ? 'ipc' : 'http';
  },
};

/** How often a long call's progress is asked for. */
const PROGRESS_POLL_MS = 250;

type JobCall = { [K in HandlerName]: InputOf<K> extends { job?: string } ? K : never }[HandlerName];

/**
 * A long call (import, merge, export) with its progress: the call gets a job id of our making, and while it runs
 * `progress.get` is asked every PROGRESS_POLL_MS for how far it is; `onProgress` sees each answer.
 */
export async function callWithProgress<K extends JobCall>(
  name: K,
  input: InputOf<K>,
  onProgress: (progress: JobProgress) => void,
): Promise<Result<OutputOf<K>>> {
  const job = crypto.randomUUID();
  let running = true;
  const poll = async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      if (!running) break;
      const answer = await api.call('progress.get', { job });
      if (running && answer.ok && answer.value && !answer.value.finished) onProgress(answer.value);
    }
  };
  const polling = poll();
  try {
    return await api.call(name, { ...input, job });
  } finally {
    running = false;
    await polling;
  }
}

