/** Contract of the `files:` channels: what the person chose, as opaque handles (never raw paths). */
import { z } from 'zod';

const HandleId = z.string().uuid();

/** An opaque reference to a file main has opened for the renderer (never a raw path). */
export const FileHandleSchema = z.object({
  handle: HandleId,
  name: z.string(),
  size: z.number().int().nonnegative(),
});

/** An opaque reference to a folder (or a medium's root); main resolves children inside it only. */
export const FolderHandleSchema = z.object({ handle: HandleId, name: z.string() });

/** An opaque reference to where a file will be saved. */
export const SaveTargetSchema = z.object({ handle: HandleId, name: z.string() });

/** What a file is chosen for: the dialog's title and filters follow from it. */
export const FilePurposeSchema = z.enum(['any', 'catalog', 'station-key', 'archive', 'request', 'evidence', 'certificate', 'jump-client-list']);
/** What a folder is chosen for: vendor packages to bundle, or a bundle to import. */
export const FolderPurposeSchema = z.enum(['any', 'packages', 'bundle']);
/** What is saved: the dialog's title and filters follow from it. */
export const SavePurposeSchema = z.enum(['any', 'audit-export', 'calendar', 'report-html', 'report-pdf', 'cert-export', 'stragglers']);

/** A file name to suggest in a save dialog: a name, not a path. */
const SuggestedName = z.string().min(1).max(255).regex(/^[^/\\]+$/);

/** The file channels. */
export const filesInvoke = {
  'files:pick': { input: z.object({ purpose: FilePurposeSchema.default('any') }).strict(), output: FileHandleSchema.nullable() },
  'files:pickMany': { input: z.object({ purpose: FilePurposeSchema.default('any') }).strict(), output: z.array(FileHandleSchema) },
  'files:pickFolder': { input: z.object({ purpose: FolderPurposeSchema.default('any') }).strict(), output: FolderHandleSchema.nullable() },
  'files:pickSaveTarget': {
    input: z.object({ purpose: SavePurposeSchema.default('any'), defaultName: SuggestedName.optional() }).strict(),
    output: SaveTargetSchema.nullable(),
  },
} as const;

export type FolderHandle = z.output<typeof FolderHandleSchema>;
export type SaveTarget = z.output<typeof SaveTargetSchema>;
