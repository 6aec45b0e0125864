/** The one IPC channel between the preload and the main process. */
export const INVOKE_CHANNEL = 'tradebook:invoke';
