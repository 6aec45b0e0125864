import os from 'node:os';
import path from 'node:path';

/**
 * The desktop app's data directory (what Electron's app.getPath('userData') gives for "Tradebook"), so the
 * CLI and the app find the same book without importing Electron.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Tradebook');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Tradebook');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Tradebook');
}

export function defaultBookPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRADEBOOK_DB ?? path.join(userDataDir(env), 'tradebook.db');
}
