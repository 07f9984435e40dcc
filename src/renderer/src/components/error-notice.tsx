/** The error queue: page-wide errors at the top of the page, and a form's own errors next to that form. */
import { useShallow } from 'zustand/react/shallow';
import type { ErrorCode } from '../../../shared/errors.ts';
import { focusBefore } from '../focus.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { ErrorCard } from './error-card.tsx';
import { focusPageTitle } from './page-title.tsx';

/** Errors not claimed by a form, newest last; dismissing the last one returns the focus to the page's heading. */
export function ErrorNotice() {
  const errors = useErrorStore(useShallow((s) => s.errors.filter((e) => !e.inline)));
  if (errors.length === 0) return null;
  return <div className="error-queue" data-testid="error-queue">{errors.map((e) => <ErrorCard key={e.id} error={e} afterLast={focusPageTitle} />)}</div>;
}

interface InlineProps {
  source: string;
  /** Only these codes (e.g. the fingerprint's refusals, shown next to that field). */
  only?: readonly ErrorCode[];
  /** All but these codes (those shown next to their own field). */
  except?: readonly ErrorCode[];
  /** Defaults to `errors-<source>`. */
  testId?: string;
  id?: string;
}

/**
 * The errors of one action, shown where the person acted (e.g. under the field that was refused);
 * dismissing the last one returns the focus to the control before it.
 */
export function InlineErrors({ source, only, except, testId, id }: InlineProps) {
  const errors = useErrorStore(useShallow((s) => s.errors.filter((e) => e.inline && e.source === source
    && (!only || only.includes(e.data.code)) && (!except || !except.includes(e.data.code)))));
  if (errors.length === 0) return null;
  return (
    <div className="error-queue inline" id={id} data-testid={testId ?? `errors-${source}`}>
      {errors.map((e) => <ErrorCard key={e.id} error={e} afterLast={focusBefore} />)}
    </div>
  );
}
