/**
 * Asks before a destructive step: the question, a red button that does it, and "keep" — the safe
 * answer, which has the focus first; Escape keeps too.
 */
export interface ConfirmBoxProps {
  /** Unique on the page: labels the group. */
  id: string;
  question: string;
  confirmLabel: string;
  keepLabel: string;
  /** Test ids of the group and its two buttons. */
  testIds: { group: string; confirm: string; keep: string };
  /** Does the step; resolves true when it succeeded (then `onDone` runs). */
  onConfirm(): Promise<boolean>;
  onKeep(): void;
  onDone(): void;
}

/** See the module comment. */
export function ConfirmBox({ id, question, confirmLabel, keepLabel, testIds, onConfirm, onKeep, onDone }: ConfirmBoxProps) {
  return (
    <div className="confirm" role="group" aria-labelledby={id} data-testid={testIds.group}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onKeep(); } }}>
      <p id={id}>{question}</p>
      <button type="button" className="danger" data-testid={testIds.confirm} onClick={() => void onConfirm().then((ok) => ok && onDone())}>
        {confirmLabel}
      </button>{' '}
      <button type="button" data-testid={testIds.keep} autoFocus onClick={onKeep}>{keepLabel}</button>
    </div>
  );
}
