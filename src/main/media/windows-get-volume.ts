/**
 * Parses `Get-Volume | Select-Object … | ConvertTo-Json` (Windows PowerShell). Written from
 * Microsoft's documentation, not from captured output (no Windows here):
 * - Get-Volume: https://learn.microsoft.com/powershell/module/storage/get-volume
 * - MSFT_Volume's properties and value maps (DriveLetter Char16, FileSystem string, FileSystemType
 *   UInt16, DriveType UInt32, Size and SizeRemaining UInt64):
 *   https://learn.microsoft.com/en-us/windows-hardware/drivers/storage/msft-volume
 * - ConvertTo-Json writes enums as numbers unless -EnumsAsStrings (PowerShell 7):
 *   https://learn.microsoft.com/en-gb/dotnet/api/microsoft.powershell.commands.converttojsoncommand.enumsasstrings?view=powershellsdk-7.6.0
 * Hence tolerant: one object instead of an array (one volume), nothing at all (none), enums as
 * numbers or names, the drive letter as a string or a character code, missing fields.
 */
import { FerryError } from '../../shared/errors.ts';

/** What Ferry reads from one volume row. */
export interface WindowsVolumeRow {
  /** 'E', or null for a volume without a letter (recovery partitions). */
  driveLetter: string | null;
  label: string | null;
  /** FileSystem, else FileSystemType's name ('NTFS', 'FAT32', 'exFAT'); '' when neither is given. */
  fileSystem: string;
  driveType: 'unknown' | 'invalid-root-path' | 'removable' | 'fixed' | 'remote' | 'cd-rom' | 'ram-disk';
  size: number;
  sizeRemaining: number;
}

/** The PowerShell script; FileSystem is added to the documented list because FileSystemType has no value for exFAT. */
export const GET_VOLUME_SCRIPT = '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; '
  + 'Get-Volume | Select-Object DriveLetter,FileSystemLabel,FileSystem,FileSystemType,DriveType,Size,SizeRemaining | ConvertTo-Json';

const DRIVE_TYPES: WindowsVolumeRow['driveType'][] = ['unknown', 'invalid-root-path', 'removable', 'fixed', 'remote', 'cd-rom', 'ram-disk'];
// MSFT_Volume.FileSystemType's value map (Threshold, 1, names no file system).
const FILE_SYSTEM_TYPES = new Map<number, string>([[2, 'UFS'], [3, 'HFS'], [4, 'FAT'], [5, 'FAT16'], [6, 'FAT32'], [7, 'NTFS'], [8, 'NTFS'],
  [9, 'XFS'], [10, 'AFS'], [11, 'EXT2'], [12, 'EXT3'], [13, 'ReiserFS'], [14, 'NTFS'], [15, 'ReFS'], [0x8000, 'NTFS'], [0x8001, 'ReFS']]);

type Row = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const num = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

function driveLetterOf(value: unknown): string | null {
  const letter = typeof value === 'number' && value > 0 ? String.fromCharCode(value) : str(value);
  return letter !== null && /^[A-Za-z]$/.test(letter[0]!) ? letter[0]!.toUpperCase() : null;
}

function driveTypeOf(value: unknown): WindowsVolumeRow['driveType'] {
  if (typeof value === 'number') return DRIVE_TYPES[value] ?? 'unknown';
  const name = str(value)?.toLowerCase().replace(/[\s_]+/g, '-');
  return DRIVE_TYPES.find((type) => type === name) ?? 'unknown';
}

function fileSystemOf(row: Row): string {
  const type = row['FileSystemType'];
  const named = typeof type === 'number' ? FILE_SYSTEM_TYPES.get(type) : str(type)?.replace(/^(CSVFS_)?NTFS\d?$/i, 'NTFS');
  return str(row['FileSystem']) ?? named ?? '';
}

/** The rows in Get-Volume's JSON; MEDIA_UNDETECTED when the text is not JSON. */
export function parseGetVolume(output: string): WindowsVolumeRow[] {
  if (output.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.replace(/^\uFEFF/, ''));
  } catch {
    throw new FerryError('MEDIA_UNDETECTED', 'Get-Volume printed something other than JSON', { command: 'powershell', problem: 'not-json' });
  }
  const rows = (Array.isArray(parsed) ? parsed : [parsed]).filter((row): row is Row => row !== null && typeof row === 'object');
  return rows.map((row) => ({
    driveLetter: driveLetterOf(row['DriveLetter']),
    label: str(row['FileSystemLabel']),
    fileSystem: fileSystemOf(row),
    driveType: driveTypeOf(row['DriveType']),
    size: num(row['Size']),
    sizeRemaining: num(row['SizeRemaining']),
  }));
}
