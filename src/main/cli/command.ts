/** The shape of a CLI command and helpers every command uses. */
import type { ParseArgsConfig } from 'node:util';
import type { Services } from '../services.ts';
import { usageError, type CliIo } from './output.ts';

/** What a command receives after parsing. */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
  services(): Services;
}

/** One leaf command. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: number;
  run(ctx: CommandContext): Promise<number> | number;
}

/** Reads a string option that the command declared as required. */
export function requireOption(ctx: CommandContext, name: string, usage: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value === '') throw usageError(`--${name} is required.\nUsage: ${usage}`);
  return value;
}
