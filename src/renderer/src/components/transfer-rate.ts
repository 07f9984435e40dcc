/**
 * Speed and time left of a running job, from the progress it reported. Main sends bytes per phase
 * and one overall figure (weighted by how long each phase takes): the speed is that of the current
 * phase (hashing is fast, a USB stick slow), the time left follows the overall figure across phases.
 */

/** One progress report as the page received it. */
export interface ProgressSample {
  /** Milliseconds (any monotonic clock). */
  at: number;
  phase: string;
  done: number;
  overall: number;
}

/** How far back the estimate looks: long enough to smooth bursts, short enough to follow a slowing medium. */
const WINDOW_MS = 5_000;
/** Less than this between two samples says nothing reliable about a rate. */
const MIN_SPAN_MS = 500;

/** The samples worth keeping after `sample` arrives: those in the window, plus the newest one before it as its base. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const all = [...samples, sample];
  const firstInWindow = all.findIndex((s) => s.at >= sample.at - WINDOW_MS);
  return all.slice(Math.max(0, firstInWindow - 1));
}

/** Bytes per second of the current phase and seconds left overall; null where the samples do not tell yet. */
export function rates(samples: readonly ProgressSample[]): { bytesPerSecond: number | null; secondsLeft: number | null } {
  const last = samples.at(-1);
  if (!last) return { bytesPerSecond: null, secondsLeft: null };
  const samePhase = samples.find((s) => s.phase === last.phase)!;
  const phaseSpan = last.at - samePhase.at;
  const bytesPerSecond = phaseSpan >= MIN_SPAN_MS ? ((last.done - samePhase.done) * 1000) / phaseSpan : null;
  const first = samples[0]!;
  const span = last.at - first.at;
  const perMs = span >= MIN_SPAN_MS ? (last.overall - first.overall) / span : 0;
  const secondsLeft = perMs > 0 ? Math.ceil((1 - last.overall) / perMs / 1000) : null;
  return { bytesPerSecond: bytesPerSecond !== null && bytesPerSecond >= 0 ? bytesPerSecond : null, secondsLeft };
}

/** `h:mm:ss`, or `m:ss` under an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}
