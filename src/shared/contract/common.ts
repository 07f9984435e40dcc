/** Schemas every domain of the contract shares: hashes, error data, the empty argument object. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/** The argument object of a channel that takes none. */
export const NoArgs = z.object({}).strict();

/** Lowercase hex SHA-256 (64 characters). */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** An error crossing IPC or printed by the CLI with `--json`. */
export const ErrorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** A channel's schemas: what the renderer sends and what main answers. */
export interface ChannelSchemas {
  input: z.ZodType;
  output: z.ZodType;
}
