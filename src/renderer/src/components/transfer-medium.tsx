/**
 * The medium to write to: the removable volumes main lists (label, file system, free space), one
 * chosen; "Look again" after a stick is plugged in. Only listed media can be written to: main
 * refuses any other folder, so a system drive can never be chosen by mistake.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Medium } from '../../../shared/contract.ts';
import { formatBytes } from '../format.ts';
import { TRANSFER_SOURCES, useTransferStore } from '../stores/transfer-store.ts';
import { InlineErrors } from './error-notice.tsx';

const FS_NAMES: Record<Exclude<Medium['fileSystem'], 'other'>, string> = { fat32: 'FAT32', exfat: 'exFAT', ntfs: 'NTFS', apfs: 'APFS', hfs: 'HFS+', ext: 'ext2/3/4' };

/** What a medium is, in one line: file system, free of total, and whether big files are split. */
export function MediumFacts({ medium }: { medium: Medium }) {
  const { t, i18n } = useTranslation();
  const fs = medium.fileSystem === 'other' ? t('transfer.medium.otherFs') : FS_NAMES[medium.fileSystem];
  return (
    <span className="hint medium-facts">
      {t('transfer.medium.facts', { fs, free: formatBytes(medium.freeBytes, i18n.language), total: formatBytes(medium.totalBytes, i18n.language) })}
      {medium.maxFileSize !== null ? <> · {t('transfer.medium.splits', { size: formatBytes(medium.maxFileSize + 1, i18n.language) })}</> : null}
      {medium.removable ? null : <> · {t('transfer.medium.notRemovable')}</>}
    </span>
  );
}

export function MediumPicker({ id }: { id: string }) {
  const { t } = useTranslation();
  const media = useTransferStore((s) => s.media);
  const mountPoint = useTransferStore((s) => s.mountPoint);
  const choose = useTransferStore((s) => s.chooseMedium);
  const load = useTransferStore((s) => s.loadMedia);
  useEffect(() => { if (useTransferStore.getState().media === null) void load(); }, [load]);
  return (
    <fieldset className="medium-picker" data-testid="medium-picker">
      <legend>{t('transfer.medium.title')}</legend>
      {media === null ? <p className="hint">{t('app.loading')}</p> : null}
      {media !== null && media.length === 0 ? <p data-testid="media-none">{t('transfer.medium.none')}</p> : null}
      {media?.map((m) => (
        <label key={m.mountPoint} className="medium-option" data-testid="medium-option">
          <input type="radio" name={`${id}-medium`} value={m.mountPoint} checked={m.mountPoint === mountPoint} onChange={() => choose(m.mountPoint)} />
          <span><strong>{m.name}</strong> <code className="path">{m.mountPoint}</code><br /><MediumFacts medium={m} /></span>
        </label>
      ))}
      <div className="buttons"><button type="button" className="small" data-testid="media-refresh" onClick={() => void load()}>{t('transfer.medium.refresh')}</button></div>
      <InlineErrors source={TRANSFER_SOURCES.media} />
    </fieldset>
  );
}
