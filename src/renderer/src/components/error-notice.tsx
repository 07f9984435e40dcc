/** Shows the last error with its stable code, title and next step in the UI language. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/errors.ts';
import { useAppStore } from '../stores/app-store.ts';

export function ErrorNotice() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.error);
  const language = useAppStore((s) => s.language);
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  const text = errorText(error.code, language);
  return (
    <div className="error-notice" role="alert" data-testid="error-notice">
      <div>
        <strong>{text.title}</strong> <span className="code">{t('errors.code')}: {error.code}</span>
        <p>{text.next}</p>
        <p className="detail">{error.message}</p>
      </div>
      <button type="button" onClick={dismiss}>{t('errors.dismiss')}</button>
    </div>
  );
}
