/** A numbered step of the transfer page, and the focus rule its outcomes follow. */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/** A step: its heading (number and title), a line of what it does, and its content. */
export function TransferStep({ id, number, title, intro, children }: { id: string; number: number; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="transfer-step" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}><span className="step-number" aria-hidden="true">{number}</span> {title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </section>
  );
}

/**
 * Focuses the element in `ref` when it appears (or `token` changes), where the eye is: if the focus
 * was lost (a Cancel or progress bar that vanished) or, unless `onlyIfLost`, is still in the same
 * step. Focus elsewhere (the person moved on) is left alone; `enabled: false` never moves it.
 */
export function useFocusOnAppear(ref: RefObject<HTMLElement | null>, token: unknown = null, options: { onlyIfLost?: boolean; enabled?: boolean } = {}): void {
  const { onlyIfLost = false, enabled = true } = options;
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    const step = el.closest('.transfer-step');
    if (lost || (!onlyIfLost && step !== null && step.contains(active))) el.focus();
  }, [ref, token, onlyIfLost, enabled]);
}

/** A job that ended without a result — cancelled by the person (no error), or refused (its error shows below) — said where the eye is. */
export function StepNote({ testId, text }: { testId: string; text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useFocusOnAppear(ref);
  return <p className="transfer-note" ref={ref} tabIndex={-1} data-testid={testId}>{text}</p>;
}
