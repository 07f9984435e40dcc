/** Spans of hours as people read them, shared by the UI and the report. */

/** `24 h`, `1,5 h`; a short wait (a test run, a configured minute) keeps its digits: 0.002 h, never "0 h". */
export function formatHours(value: number, language: string): string {
  const digits = value > 0 && value < 1 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 2 };
  return `${new Intl.NumberFormat(language, digits).format(value)} h`;
}
