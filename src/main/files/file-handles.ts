/**
 * Opaque handles for files the user chose in a dialog: the renderer gets a random id, a display
 * name and a size, never a path it could alter. Handles live for the process lifetime.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { FileHandle, FilePurposeSchema } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';

/** Asks the person for a file; the Electron shell shows a dialog, tests and the harness answer from a queue. */
export interface DialogProvider {
  openFile(options: OpenFileOptions): Promise<string | null>;
}

/** What the file is for; the shell turns it into a translated title and file-type filters. */
export type FilePurpose = z.output<typeof FilePurposeSchema>;

/** What the dialog is asked for. */
export interface OpenFileOptions {
  purpose: FilePurpose;
}

/** Maps handles to the paths they stand for. */
export class FileHandles {
  private readonly paths = new Map<string, string>();

  /** Registers a chosen path and returns its handle. */
  register(path: string): FileHandle {
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a regular file');
      size = st.size;
    } catch (error) {
      throw new FerryError('FILE_MISSING', `Cannot open ${basename(path)}: ${(error as Error).message}`);
    }
    const handle = randomUUID();
    this.paths.set(handle, path);
    return { handle, name: basename(path), size };
  }

  /** The path behind a handle; HANDLE_UNKNOWN for anything not handed out. */
  resolve(handle: string): string {
    const path = this.paths.get(handle);
    if (!path) throw new FerryError('HANDLE_UNKNOWN', 'Unknown file handle');
    return path;
  }
}
