/** Contract of the `media:` channels: removable media Ferry may write a request or bundle to. */
import { z } from 'zod';

/** A medium as the UI offers it: a folder handle (kind `medium`) with what the OS says about it. */
export const MediumSchema = z.object({
  handle: z.string().uuid(),
  /** The volume label, else the mount point's last segment. */
  name: z.string(),
  mountPoint: z.string(),
  fileSystem: z.enum(['fat32', 'exfat', 'ntfs', 'apfs', 'hfs', 'ext', 'other']),
  totalBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  removable: z.boolean(),
  /** Largest single file it holds (FAT32: 4 GiB − 1 byte); null when there is no limit Ferry splits for. */
  maxFileSize: z.number().int().positive().nullable(),
});

/** The media channels. */
export const mediaInvoke = {
  /** Mounted media Ferry may write to: removable first; system volumes are never listed. */
  'media:list': { input: z.object({}).strict(), output: z.array(MediumSchema) },
} as const;
