/**
 * The preload: exposes `window.tradebook.invoke(name, input)` over one IPC channel — the main process checks the
 * sender and validates the input against the contract — and `onCommand(listener)`, which passes on the menu's
 * commands (only the names in APP_COMMANDS; nothing else of the event).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { COMMAND_CHANNEL, INVOKE_CHANNEL, isAppCommand, type AppCommand } from './channel';

contextBridge.exposeInMainWorld('tradebook', {
  invoke: (name: unknown, input: unknown) =>
    typeof name === 'string'
      ? ipcRenderer.invoke(INVOKE_CHANNEL, name, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_handler', message: 'Unknown call.' } }),
  onCommand: (listener: (command: AppCommand) => void) => {
    if (typeof listener !== 'function') return;
    ipcRenderer.on(COMMAND_CHANNEL, (_event: unknown, command: unknown) => {
      if (isAppCommand(command)) listener(command);
    });
  },
});
