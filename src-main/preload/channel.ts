/** The one IPC channel between the preload and the main process. */
export const INVOKE_CHANNEL = 'tradebook:invoke';

/** The main process's menu commands to the window (one way); the preload passes on only these names. */
export const COMMAND_CHANNEL = 'tradebook:command';
export const APP_COMMANDS = ['newLead', 'shortcuts'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
