/** What the linked API account may do, in words of what Ferry does with it, and what to allow for the rest. */
import { useTranslation } from 'react-i18next';
import { permissionStates } from './link-facts.ts';

export function LinkPermissions({ permissions }: { permissions: Record<string, string> }) {
  const { t } = useTranslation();
  const states = permissionStates(permissions);
  const missing = states.filter((s) => s.state === 'missing');
  return (
    <>
      <ul className="link-permissions" data-testid="link-permissions" aria-label={t('link.permissions.label')}>
        {states.map((s) => (
          <li key={s.use} className={`perm perm-${s.state}`} data-testid={`link-permission-${s.use}`} data-state={s.state}>
            <span className="perm-mark" aria-hidden="true">{s.state === 'allowed' ? '✓' : s.state === 'missing' ? '✗' : '?'}</span>
            <span>
              <strong>{t(`link.permissions.use.${s.use}`)}</strong>{' – '}
              {t(`link.permissions.${s.state}`)}
              <span className="hint perm-api">{t(`link.permissions.api.${s.use}`)}{s.value !== null ? ` (${s.permission} = ${s.value})` : ''}</span>
            </span>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? <p className="warning-box" data-testid="link-permissions-missing">{t('link.permissions.allow')}</p> : null}
    </>
  );
}
