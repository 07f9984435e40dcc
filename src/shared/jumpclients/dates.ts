/**
 * Dates in the Jump Client export as consoles write them: English (`3/15/2026 7:13 PM`), German
 * (`15.03.2026 19:13`) and ISO-8601, with or without seconds. A date without a zone is this computer's
 * local time (the console and Ferry's station stand in the same organisation); one with a zone is that
 * instant. date-fns parses; anything it does not read exactly is no date (null), never a guess.
 */
// One module each: the package's index loads every function it has (a second and ~200 MB in Node).
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { parseISO } from 'date-fns/parseISO';

const FORMATS = [
  'M/d/yyyy h:mm a', 'M/d/yyyy h:mm:ss a', 'M/d/yyyy H:mm', 'M/d/yyyy H:mm:ss', 'M/d/yyyy',
  'd.M.yyyy H:mm', 'd.M.yyyy H:mm:ss', 'd.M.yyyy',
  'yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd',
];

const REFERENCE = new Date(2000, 0, 1);
let lastFormat = 0;

/** The instant a cell stands for, or null. */
export function parseClientDate(text: string): Date | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '' || t.length > 40 || !/\d/.test(t)) return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const d = parseISO(t);
    return isValid(d) ? d : null;
  }
  // A list writes every date alike: the format that read the last one is tried first.
  for (let k = 0; k < FORMATS.length; k += 1) {
    const i = (lastFormat + k) % FORMATS.length;
    const d = parse(t, FORMATS[i]!, REFERENCE);
    if (isValid(d) && d.getFullYear() >= 1990 && d.getFullYear() <= 2200) {
      lastFormat = i;
      return d;
    }
  }
  return null;
}
