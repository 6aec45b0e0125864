/**
 * The preload: exposes exactly one function, `window.tradebook.invoke(name, input)`, over one IPC channel.
 * The main process checks the sender and validates the input against the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from './channel';

contextBridge.exposeInMainWorld('tradebook', {
  invoke: (name: unknown, input: unknown) =>
    typeof name === 'string'
      ? ipcRenderer.invoke(INVOKE_CHANNEL, name, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_handler', message: 'Unknown call.' } }),
});
