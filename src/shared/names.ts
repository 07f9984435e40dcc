/**
 * Names that come from people or from files (stations, requests, appliances): normalised to NFC,
 * free of control characters, capped in length, so a name can never forge a line of output or grow
 * the audit log without bound. And the one way to print untrusted text to a terminal.
 */
import { FerryError } from './errors.ts';

/** The longest name Ferry stores. */
export const MAX_NAME_LENGTH = 80;

// What a person cannot see or that changes how the rest reads: controls (C0, C1, DEL), format
// characters (bidi marks and overrides, zero-width spaces and joiners, soft hyphen, tag characters),
// line and paragraph separators, every other default-ignorable code point (e.g. U+034F, variation
// selectors, Hangul fillers), private-use and unassigned code points. A name made of such characters
// could look empty, look like another name, or forge a line of output.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

/** The checked form of a name, or NAME_INVALID saying what is wrong with it. */
export function normalizeName(input: string, what = 'name', max = MAX_NAME_LENGTH): string {
  const name = input.normalize('NFC').trim();
  if (name === '') throw new FerryError('NAME_INVALID', `The ${what} is empty`, { what, problem: 'empty' });
  if (UNSAFE.test(name)) throw new FerryError('NAME_INVALID', `The ${what} contains control or invisible characters`, { what, problem: 'invisible' });
  const length = [...name].length;
  if (length > max) throw new FerryError('NAME_INVALID', `The ${what} is longer than ${max} characters (${length})`, { what, problem: 'tooLong', max, length });
  return name;
}

/** Untrusted text made safe to print on a terminal: control and invisible characters shown as `\uXXXX` escapes. */
export function escapeForTerminal(text: string): string {
  return text.replace(new RegExp(UNSAFE.source, 'gu'), (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
