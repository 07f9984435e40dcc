/**
 * Volumes on Windows, from Get-Volume (see windows-get-volume.ts). Only volumes with a drive letter
 * are offered: a folder is addressed through its letter, and volumes mounted into folders are rare
 * on the PCs Ferry runs on. CD/DVD drives are never writable-looking.
 */
import { FerryError } from '../../shared/errors.ts';
import { runCommand } from './run-command.ts';
import { existingRealPath, protectedFolders } from './system-paths.ts';
import { byOffering, fileSystemKindOf } from './volume-facts.ts';
import type { SystemPaths, Volume, VolumeProvider } from './volume.ts';
import { GET_VOLUME_SCRIPT, parseGetVolume, type WindowsVolumeRow } from './windows-get-volume.ts';

/** Runs Get-Volume in Windows PowerShell (no profile, no prompts); its JSON. */
export function runGetVolume(): Promise<string> {
  // PowerShell's first start on a busy PC can take many seconds.
  return runCommand('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_VOLUME_SCRIPT], { timeoutMs: 60_000 });
}

const letterOf = (path: string): string | null => /^([A-Za-z]):/.exec(path)?.[1]?.toUpperCase() ?? null;

/** Where the Windows provider gets its facts; each defaults to the real system. */
export interface WindowsSources {
  getVolume(): Promise<string>;
  realPath(path: string): Promise<string>;
}

/** Volumes from Get-Volume. */
export class WindowsVolumeProvider implements VolumeProvider {
  private readonly paths: SystemPaths;
  private readonly sources: WindowsSources;

  constructor(paths: SystemPaths = {}, sources: Partial<WindowsSources> = {}) {
    this.paths = paths;
    this.sources = { getVolume: runGetVolume, realPath: existingRealPath, ...sources };
  }

  async list(): Promise<Volume[]> {
    return (await this.volumes()).sort(byOffering);
  }

  async forPath(path: string): Promise<Volume> {
    const real = await this.sources.realPath(path);
    const letter = letterOf(real);
    const volume = (await this.volumes()).find((candidate) => candidate.id === `${letter}:`);
    if (letter === null || volume === undefined) {
      throw new FerryError('MEDIA_UNDETECTED', `${real} is not on a drive with a letter`, { path: real, problem: 'no-mount' });
    }
    return volume;
  }

  private async volumes(): Promise<Volume[]> {
    // The Windows drive (SystemDrive), home's and the data directory's are system drives.
    // Letters of the folders as given and as resolved (a subst drive resolves to another letter).
    const folders = [process.env['SystemDrive'] ?? 'C:', this.paths.homeDir ?? '', this.paths.dataDir ?? '', ...protectedFolders(this.paths)];
    const systemLetters = new Set(folders.map(letterOf));
    return parseGetVolume(await this.sources.getVolume())
      .filter((row): row is WindowsVolumeRow & { driveLetter: string } =>
        row.driveLetter !== null && row.driveType !== 'cd-rom' && row.driveType !== 'invalid-root-path')
      .map((row) => ({
        id: `${row.driveLetter}:`,
        mountPoint: `${row.driveLetter}:\\`,
        label: row.label,
        fileSystem: fileSystemKindOf(row.fileSystem),
        rawFileSystem: row.fileSystem,
        totalBytes: row.size,
        freeBytes: row.sizeRemaining,
        removable: row.driveType === 'removable',
        system: systemLetters.has(row.driveLetter),
      }));
  }
}
