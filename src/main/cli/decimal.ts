/**
 * Numbers on the command line are plain decimals: `24`, `0.5`, `-1`. `Number()` would also take
 * `0x10`, `1e3`, ` 5`, `Infinity` and read `""` as 0 — silent guesses that hide typos (an empty
 * `--wait-hours` would drop every Jump Client wait), so they are refused instead.
 */

/** Bounds a number must keep. */
export interface DecimalLimits {
  /** Defaults to no bound: a schema checking the value later may own the bounds. */
  min?: number;
  max?: number;
  /** Whole numbers only (counts, bytes, days). */
  integer?: boolean;
}

/** The parsed number, or why the text is not one. */
export type DecimalResult = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const INTEGER = /^-?[0-9]+$/;

/** Parses `text` as a decimal number within `limits`. */
export function parseDecimal(text: string, limits: DecimalLimits = {}): DecimalResult {
  const pattern = limits.integer ? INTEGER : DECIMAL;
  if (!pattern.test(text)) {
    return { ok: false, reason: limits.integer ? 'must be a whole number in decimal digits' : 'must be a decimal number like 24 or 0.5' };
  }
  const value = Number(text);
  const { min = -Number.MAX_VALUE, max = limits.integer ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE } = limits;
  // The regex admits only finite-looking text; very long digit strings still round to ±Infinity.
  if (value < min) return { ok: false, reason: `must be ${min} or more` };
  if (!(value <= max) || (limits.integer && !Number.isSafeInteger(value))) return { ok: false, reason: `must be at most ${max}` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
