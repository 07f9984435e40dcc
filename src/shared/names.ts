/**
 * Names that come from people or from files (stations, requests, appliances): normalised to NFC,
 * free of control characters, capped in length, so a name can never forge a line of output or grow
 * the audit log without bound. And the one way to print untrusted text to a terminal.
 */
import { FerryError } from './errors.ts';

/** The longest name Ferry stores. */
export const MAX_NAME_LENGTH = 80;

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides that can
// reorder or break what a person reads.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The checked form of a name, or NAME_INVALID saying what is wrong with it. */
export function normalizeName(input: string, what = 'name', max = MAX_NAME_LENGTH): string {
  const name = input.normalize('NFC').trim();
  if (name === '') throw new FerryError('NAME_INVALID', `The ${what} is empty`, { what });
  if (UNSAFE.test(name)) throw new FerryError('NAME_INVALID', `The ${what} contains control characters`, { what });
  const length = [...name].length;
  if (length > max) throw new FerryError('NAME_INVALID', `The ${what} is longer than ${max} characters (${length})`, { what, max, length });
  return name;
}

/** Whether `input` is acceptable as a name as it stands (after NFC and trimming). */
export function isValidName(input: string, max = MAX_NAME_LENGTH): boolean {
  try {
    normalizeName(input, 'name', max);
    return true;
  } catch {
    return false;
  }
}

/** Untrusted text made safe to print on a terminal: control characters shown as `\uXXXX` escapes. */
export function escapeForTerminal(text: string): string {
  return text.replace(new RegExp(UNSAFE.source, 'gu'), (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
