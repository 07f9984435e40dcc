/** The shape of a CLI command and helpers every command uses. */
import type { ParseArgsConfig } from 'node:util';
import { writeOutputFile } from '../files/output-path.ts';
import type { Services } from '../services.ts';
import { parseDecimal, type DecimalLimits } from './decimal.ts';
import { usageError, type CliIo } from './output.ts';

/** What a command receives after parsing. */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: long work stops and cleans up. */
  signal: AbortSignal;
  services(): Services;
}

/** One leaf command. */
export interface Command {
  summary: string;
  usage: string;
  /** More for `--help`: formats, examples. */
  help?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many arguments: exactly this many, or at least one (`FILE…`). */
  positionals: number | 'one-or-more';
  run(ctx: CommandContext): Promise<number> | number;
}

/** Reads a string option that the command declared as required. */
export function requireOption(ctx: CommandContext, name: string, usage: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value === '') throw usageError(`--${name} is required.\nUsage: ${usage}`);
  return value;
}

/** Reads an optional string option: absent is undefined, but an empty value is a mistake, not "missing". */
export function optionalOption(ctx: CommandContext, name: string, usage: string): string | undefined {
  const value = ctx.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw usageError(`--${name} is empty.\nUsage: ${usage}`);
  return value;
}

/** Reads an optional decimal number option (see `parseDecimal`); USAGE for anything else. */
export function numberOption(ctx: CommandContext, name: string, usage: string, limits: DecimalLimits = {}): number | undefined {
  const text = optionalOption(ctx, name, usage);
  if (text === undefined) return undefined;
  const parsed = parseDecimal(text, limits);
  if (!parsed.ok) throw usageError(`--${name} ${parsed.reason}, not "${text}".\nUsage: ${usage}`);
  return parsed.value;
}

/** The options of a command that writes a file: `--out FILE` and `--force` to replace one. */
export const OUTPUT_OPTIONS = { out: { type: 'string' }, force: { type: 'boolean' } } as const;

/**
 * Writes `data` to `out` (the command's `--out`, read with `requireOption` before any work): refused
 * with OUTPUT_NOT_WRITABLE inside the data directory, through a link, or over an existing file
 * without `--force`. Returns the path written.
 */
export function writeOutputOption(ctx: CommandContext, out: string, data: string | Uint8Array): string {
  return writeOutputFile(out, data, { dataDir: ctx.services().dataDir, force: ctx.values.force === true });
}
