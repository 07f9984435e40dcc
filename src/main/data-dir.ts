/**
 * Where Ferry keeps its state: `--data-dir`, else `FERRY_DATA_DIR`, else the same folder Electron
 * uses as `userData` for the app "Ferry", so the CLI and the desktop app see one station.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user application data folder for Ferry (Electron's `userData`). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ferry');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ferry');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ferry');
}

/** Resolves the data directory from a flag, the environment, or the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.FERRY_DATA_DIR ?? defaultDataDir(process.platform, env);
}
