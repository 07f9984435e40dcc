/**
 * The harness's dialogs: a test queues what the next dialog of each kind answers
 * (`POST /__ferry/dialog`), and the services take the answers in order; an empty queue is
 * "cancelled". The Electron target answers through `dialog.showOpenDialog` instead (e2e/fixtures.ts).
 */
import { z } from 'zod';
import type { DialogProvider } from '../../src/main/files/dialog-provider.ts';

const Path = z.string().min(1).max(4096);

/** One queued answer. `{ path }` alone is the next open-file dialog's answer (the original body). */
export const DialogAnswerSchema = z.union([
  z.object({ kind: z.literal('open-file').optional(), path: Path.nullable() }).strict(),
  z.object({ kind: z.literal('open-files'), paths: z.array(Path) }).strict(),
  z.object({ kind: z.enum(['open-folder', 'save-file']), path: Path.nullable() }).strict(),
]);

/** What a test posts. */
export type DialogAnswer = z.input<typeof DialogAnswerSchema>;

/** A dialog provider answering from per-kind queues, and the function that fills them. */
export function queuedDialogs(): { provider: DialogProvider; answer(answer: DialogAnswer): void } {
  const files: (string | null)[] = [];
  const many: string[][] = [];
  const folders: (string | null)[] = [];
  const saves: (string | null)[] = [];
  return {
    provider: {
      openFile: async () => files.shift() ?? null,
      openFiles: async () => many.shift() ?? [],
      openFolder: async () => folders.shift() ?? null,
      saveFile: async () => saves.shift() ?? null,
    },
    answer(answer) {
      if ('paths' in answer) many.push(answer.paths);
      else if (answer.kind === 'open-folder') folders.push(answer.path);
      else if (answer.kind === 'save-file') saves.push(answer.path);
      else files.push(answer.path);
    },
  };
}
