/**
 * A name with a Rename button that turns into a small form: Enter saves, Escape or Cancel leaves it
 * unchanged, and focus returns to the Rename button either way so a keyboard user is not dropped
 * at the top of the page. The field grows with the name (an 80-character name fits at any width)
 * and counts its characters; nothing typed is cut off: a name too long is refused, and says so.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameLength, NameCount } from './name-count.tsx';
import { MAX_NAME_LENGTH } from '../../../shared/names.ts';

interface Props {
  name: string;
  /** Saves the name; false keeps the form open (the error is shown by the caller's error slot). */
  onSave(name: string): Promise<boolean>;
  /** Prefix of the test ids: `<id>-name`, `<id>-rename`, `<id>-input`, `<id>-save`, `<id>-cancel`, `<id>-count`. */
  testId: string;
  /** Names what is renamed for screen readers, e.g. "Rename station Office". */
  renameLabel: string;
}

export function InlineRename({ name, onSave, testId, renameLabel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const countId = useId();
  useEffect(() => {
    if (draft === null && returnFocus.current) {
      returnFocus.current = false;
      renameButton.current?.focus();
    }
  }, [draft]);
  const close = () => { returnFocus.current = true; setDraft(null); };
  if (draft === null) {
    return (
      <span className="inline-rename">
        <span data-testid={`${testId}-name`}>{name}</span>{' '}
        <button type="button" ref={renameButton} data-testid={`${testId}-rename`} aria-label={renameLabel} onClick={() => setDraft(name)}>{t('settings.rename')}</button>
      </span>
    );
  }
  const save = async () => {
    // Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>.
    if (busy) return;
    setBusy(true);
    const ok = await onSave(draft);
    setBusy(false);
    if (ok) close();
  };
  return (
    <form className="inline-rename editing" onSubmit={(e) => { e.preventDefault(); void save(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
      {/* One line of text that wraps when long: Enter saves, as in a single-line field. */}
      <textarea rows={1} aria-label={t('settings.newName')} data-testid={`${testId}-input`} value={draft} spellCheck={false} autoFocus
        aria-describedby={countId} aria-invalid={nameLength(draft) > MAX_NAME_LENGTH || undefined} onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing) { e.preventDefault(); void save(); } }} />
      <span className="inline-rename-actions">
        <button type="submit" data-testid={`${testId}-save`} aria-disabled={busy || undefined}>{t('settings.save')}</button>
        <button type="button" data-testid={`${testId}-cancel`} onClick={close}>{t('settings.cancel')}</button>
        <NameCount name={draft} id={countId} testId={`${testId}-count`} />
      </span>
    </form>
  );
}
