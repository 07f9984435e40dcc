/**
 * A run's time plan as an iCalendar file (RFC 5545, written by ical-generator): one event per
 * maintenance window of the procedure (titled as the procedure names it), and one per wait whose end
 * is known, so the change calendar shows when the next step may go on.
 */
import ical from 'ical-generator';
import type { Language, Run } from '../../shared/contract.ts';
import { RUNBOOKS } from '../../shared/runbooks/index.ts';
import { RUN_WINDOWS } from '../../shared/runbooks/run-windows.ts';

const TEXT = {
  de: { wait: (t: string) => `Wartezeit endet: ${t}`, waitBody: 'Ferry gibt den nächsten Schritt erst nach dieser Wartezeit frei.', run: 'Ferry-Lauf' },
  en: { wait: (t: string) => `Wait ends: ${t}`, waitBody: 'Ferry releases the next step only after this wait.', run: 'Ferry run' },
};

/** The calendar text of `run` in `language`. */
export function runCalendar(run: Run, language: Language, now: Date = new Date()): string {
  const text = TEXT[language];
  const definition = RUNBOOKS[run.procedure];
  const who = [run.appliances.A, run.appliances.B, run.appliances.master].filter(Boolean).join(', ');
  const calendar = ical({ name: `${text.run}: ${definition.title[language]}${who ? ` (${who})` : ''}`, prodId: { company: 'Ferry', product: 'Ferry', language: language.toUpperCase() } });
  run.windows.forEach((w, i) => {
    const title = RUN_WINDOWS[run.procedure][i]?.title[language] ?? '';
    calendar.createEvent({
      id: `ferry-run-${run.id}-window-${i + 1}`, stamp: now, start: new Date(w.start), end: new Date(w.end),
      summary: `${definition.title[language]}: ${title}`,
      description: `${who}\n${run.id}`,
    });
  });
  for (const step of run.steps) {
    if (step.kind !== 'wait' || step.waitUntil === null || step.status === 'done' || step.status === 'skipped') continue;
    const end = new Date(step.waitUntil);
    calendar.createEvent({
      id: `ferry-run-${run.id}-wait-${step.id}`, stamp: now, start: end, end: new Date(end.getTime() + 15 * 60_000),
      summary: text.wait(step.title[language]), description: text.waitBody,
    });
  }
  return calendar.toString();
}
