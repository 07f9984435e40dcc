/** The error queue: page-wide errors at the top of the page, and a form's own errors next to that form. */
import { useShallow } from 'zustand/react/shallow';
import { useErrorStore } from '../stores/error-store.ts';
import { ErrorCard } from './error-card.tsx';

/** Errors not claimed by a form, newest last. */
export function ErrorNotice() {
  const errors = useErrorStore(useShallow((s) => s.errors.filter((e) => !e.inline)));
  if (errors.length === 0) return null;
  return <div className="error-queue" data-testid="error-queue">{errors.map((e) => <ErrorCard key={e.id} error={e} />)}</div>;
}

/** The errors of one action, shown where the person acted (e.g. the trust form). */
export function InlineErrors({ source }: { source: string }) {
  const errors = useErrorStore(useShallow((s) => s.errors.filter((e) => e.inline && e.source === source)));
  if (errors.length === 0) return null;
  return <div className="error-queue inline" data-testid={`errors-${source}`}>{errors.map((e) => <ErrorCard key={e.id} error={e} />)}</div>;
}
