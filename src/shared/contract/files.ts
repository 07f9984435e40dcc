/** Contract of the `files:` channels: files the person chose, as opaque handles (never raw paths). */
import { z } from 'zod';

/** An opaque reference to a file main has opened for the renderer (never a raw path). */
export const FileHandleSchema = z.object({
  handle: z.string().uuid(),
  name: z.string(),
  size: z.number().int().nonnegative(),
});

/** What a file is chosen for: the dialog's title and filters follow from it. */
export const FilePurposeSchema = z.enum(['any', 'catalog', 'station-key']);

/** The file channels. */
export const filesInvoke = {
  'files:pick': { input: z.object({ purpose: FilePurposeSchema.default('any') }).strict(), output: FileHandleSchema.nullable() },
} as const;
