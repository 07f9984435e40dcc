/**
 * The dialogs main may show to let the person choose: open one file, open several, open a folder,
 * save a file. The Electron shell shows native dialogs (`shell/dialogs.ts`); the harness and tests
 * answer from a queue. Every answer is a path main turns into a handle; `null` or `[]` is "cancelled".
 */
import type { z } from 'zod';
import type { FilePurposeSchema, FolderPurposeSchema, SavePurposeSchema } from '../../shared/contract.ts';

/** What a file is chosen for; the shell turns it into a translated title and file-type filters. */
export type FilePurpose = z.output<typeof FilePurposeSchema>;
/** What a folder is chosen for. */
export type FolderPurpose = z.output<typeof FolderPurposeSchema>;
/** What is being saved. */
export type SavePurpose = z.output<typeof SavePurposeSchema>;

/** What the open-file dialogs are asked for. */
export interface OpenFileOptions {
  purpose: FilePurpose;
}

/** Asks the person for files and folders. */
export interface DialogProvider {
  openFile(options: OpenFileOptions): Promise<string | null>;
  openFiles(options: OpenFileOptions): Promise<string[]>;
  openFolder(options: { purpose: FolderPurpose }): Promise<string | null>;
  saveFile(options: { purpose: SavePurpose; defaultName?: string }): Promise<string | null>;
}

/** Every dialog answers "cancelled": for the CLI, which has no window. */
export const NO_DIALOGS: DialogProvider = {
  openFile: async () => null,
  openFiles: async () => [],
  openFolder: async () => null,
  saveFile: async () => null,
};

/** A provider from the dialogs a caller has; the missing ones answer "cancelled". */
export function withDefaultDialogs(dialogs: Partial<DialogProvider> = {}): DialogProvider {
  return { ...NO_DIALOGS, ...dialogs };
}
