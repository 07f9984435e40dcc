/**
 * A name with a Rename button that turns into a small form: Enter saves, Escape or Cancel leaves it
 * unchanged, and focus returns to the Rename button either way so a keyboard user is not dropped
 * at the top of the page.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../../../shared/names.ts';

interface Props {
  name: string;
  /** Saves the name; false keeps the form open (the error is shown by the caller's error slot). */
  onSave(name: string): Promise<boolean>;
  /** Prefix of the test ids: `<id>-name`, `<id>-rename`, `<id>-input`, `<id>-save`, `<id>-cancel`. */
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
    setBusy(true);
    const ok = await onSave(draft);
    setBusy(false);
    if (ok) close();
  };
  return (
    <form className="inline-rename" onSubmit={(e) => { e.preventDefault(); void save(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
      <input aria-label={t('settings.newName')} data-testid={`${testId}-input`} value={draft} maxLength={MAX_NAME_LENGTH}
        onChange={(e) => setDraft(e.target.value)} autoFocus />
      <button type="submit" data-testid={`${testId}-save`} disabled={busy}>{t('settings.save')}</button>
      <button type="button" data-testid={`${testId}-cancel`} onClick={close}>{t('settings.cancel')}</button>
    </form>
  );
}
