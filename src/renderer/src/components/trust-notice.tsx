/** What trusting answered, in words: newly trusted, or trusted already (since when, and whether only the name changed). */
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatTime } from '../format.ts';
import type { TrustNotice } from '../stores/station-store.ts';

/** The notice's sentence, with the name, the fingerprint in groups and (if trusted before) since when. */
export function TrustNoticeText({ notice }: { notice: TrustNotice }) {
  const { t, i18n } = useTranslation();
  const { station, before } = notice;
  const values = { name: station.name, fingerprint: formatFingerprint(station.fingerprint), time: formatTime(station.trustedAt, i18n.language), before };
  if (!station.alreadyTrusted) return <>{t('trust.done', values)}</>;
  return <>{before === null ? t('trust.alreadyTrusted', values) : t('trust.alreadyTrustedRenamed', values)}</>;
}
