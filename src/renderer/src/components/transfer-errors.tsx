/**
 * A transfer step's errors, shown under the step (code, meaning, next step); a bundle from a station
 * not trusted here also gets the way to the trust flow in Settings.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { InlineErrors } from './error-notice.tsx';

export function TransferErrors({ source }: { source: string }) {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  const untrusted = useErrorStore((s) => s.errors.some((e) => e.source === source && e.data.code === 'SIGNER_UNTRUSTED'));
  return (
    <>
      <InlineErrors source={source} />
      {untrusted ? (
        <p className="buttons">
          <button type="button" data-testid="go-trust" onClick={() => go('settings')}>{t('transfer.goTrust')}</button>
        </p>
      ) : null}
    </>
  );
}
