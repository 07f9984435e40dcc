/** Contract of the `files:` channels: files the person chose, as opaque handles (never raw paths). */
import { z } from 'zod';
import { NoArgs } from './common.ts';

/** An opaque reference to a file main has opened for the renderer (never a raw path). */
export const FileHandleSchema = z.object({
  handle: z.string().uuid(),
  name: z.string(),
  size: z.number().int().nonnegative(),
});

/** The file channels. */
export const filesInvoke = {
  'files:pick': { input: NoArgs, output: FileHandleSchema.nullable() },
} as const;
