/**
 * How long a name is, as Ferry counts it, while it is typed: a name longer than Ferry keeps is said
 * so here (and refused with NAME_INVALID on saving), never cut short by the field without a word.
 */
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../../../shared/names.ts';

/** The length the service checks: characters (not UTF-16 units) of the NFC form, without surrounding spaces. */
export function nameLength(name: string): number {
  return [...name.normalize('NFC').trim()].length;
}

/** "12 of at most 80 characters", or how many too many. */
export function NameCount({ name, id, testId }: { name: string; id: string; testId: string }) {
  const { t } = useTranslation();
  const length = nameLength(name);
  const over = length - MAX_NAME_LENGTH;
  return (
    <span id={id} data-testid={testId} className={over > 0 ? 'name-count field-error' : 'name-count hint'} role={over > 0 ? 'status' : undefined}>
      {over > 0 ? t('settings.nameTooLong', { length, max: MAX_NAME_LENGTH, over }) : t('settings.nameCount', { length, max: MAX_NAME_LENGTH })}
    </span>
  );
}
