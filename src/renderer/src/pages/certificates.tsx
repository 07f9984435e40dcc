/**
 * Certificates: choose the files the old appliance exported (or the CA sent), open them with their
 * passphrase, see the chain (leaf first) and every finding with what to do, then export them ordered
 * for the new appliance — PKCS#12 with a new passphrase (AES-256, or 3DES for older appliances), or PEM.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertInspection } from '../../../shared/contract.ts';
import { ERROR_CATALOGUE, errorText, type ErrorCode } from '../../../shared/errors.ts';
import { InlineErrors } from '../components/error-notice.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { MediumPicker } from '../components/transfer-medium.tsx';
import { useTransferStore } from '../stores/transfer-store.ts';
import { formatTime } from '../format.ts';
import { alternativeNames } from '../components/link-facts.ts';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { CERT_SOURCES, isOutdated, useCertStore } from '../stores/cert-store.ts';

const MIN_PASSPHRASE = 8;

function Findings({ result }: { result: CertInspection }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'de' ? 'de' : 'en';
  const subjectOf = (sha: string | undefined) => [...result.chain, ...result.unrelated].find((c) => c.sha256 === sha)?.subject;
  if (result.findings.length === 0) return <p className="cert-ok" data-testid="cert-no-findings">{t('certs.noFindings')}</p>;
  return (
    <ul className="cert-findings" data-testid="cert-findings">
      {result.findings.map((f, i) => {
        const text = Object.hasOwn(ERROR_CATALOGUE, f.code) ? errorText(f.code as ErrorCode, lang) : { title: f.code, next: '' };
        const about = subjectOf(f.cert);
        return (
          <li key={i} className={`finding ${f.severity}`} data-testid="cert-finding" data-code={f.code} data-severity={f.severity}>
            <span className={`severity ${f.severity}`}>{t(`certs.severity.${f.severity}`)}</span>
            <strong>{text.title}</strong> <span className="code">{f.code}</span>
            <p>{text.next}</p>
            {about ? <p className="hint">{t('certs.about', { subject: about })}</p> : null}
            {f.host ? <p className="hint">{t('certs.host', { host: f.host })}</p> : null}
            {/* The specifics are English; German pages show the code's own texts above. */}
            {lang === 'en' ? <p className="detail">{f.message}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Chain({ result }: { result: CertInspection }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="cert-chain" data-testid="cert-chain">
      {result.chain.map((c, i) => (
        <li key={c.sha256} data-testid="cert-chain-item">
          <span className="chain-role">{i === 0 ? t('certs.leaf') : c.selfSigned ? t('certs.root') : t('certs.intermediate')}</span>
          <strong className="chain-subject">{c.subject}</strong>
          <dl className="facts">
            <dt>{t('certs.issuer')}</dt><dd>{c.issuer}</dd>
            <dt>{t('certs.valid')}</dt><dd>{`${formatTime(c.notBefore, i18n.language)} – ${formatTime(c.notAfter, i18n.language)}`}</dd>
            <dt>{t('certs.key')}</dt><dd>{`${c.keyType}, ${c.signatureAlgorithm}`}</dd>
            {c.subjectAltName ? <><dt>{t('certs.san')}</dt><dd className="san">{alternativeNames(c.subjectAltName)}</dd></> : null}
            <dt>SHA-256</dt><dd><code className="hash">{c.sha256}</code></dd>
            <dt>{t('certs.file')}</dt><dd>{c.file}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function ExportForm({ result }: { result: CertInspection }) {
  const { t } = useTranslation();
  const id = useId();
  const { exportTo, exportToMedium, exported, busy } = useCertStore();
  const [where, setWhere] = useState<'file' | 'medium'>('file');
  const medium = useTransferStore((s) => s.media?.find((m) => m.mountPoint === s.mountPoint) ?? null);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [format, setFormat] = useState<'pkcs12' | 'pem'>('pkcs12');
  const [compat, setCompat] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  const rsa = result.chain[0]?.keyType.startsWith('RSA') ?? false;
  const errors = result.findings.some((f) => f.severity === 'error');
  const tooShort = pass !== '' && pass.length < MIN_PASSPHRASE;
  const differ = again !== '' && again !== pass;
  const ready = !errors && result.key && pass.length >= MIN_PASSPHRASE && again === pass && !busy;
  const submit = async () => {
    if (!ready) return;
    const ok = where === 'medium'
      ? medium !== null && await exportToMedium(pass, format, format === 'pkcs12' && compat, medium.handle)
      : await exportTo(pass, format, format === 'pkcs12' && compat);
    if (ok) {
      setPass('');
      setAgain('');
      requestAnimationFrame(() => done.current?.focus());
    }
  };
  return (
    <form className="cert-export" data-testid="cert-export" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('certs.exportTitle')}</h2>
      {errors || !result.key ? <p className="warn-text" data-testid="cert-export-blocked">{t(result.key ? 'certs.exportBlocked' : 'certs.exportNoKey')}</p> : (<>
      <fieldset className="field">
        <legend>{t('certs.format')}</legend>
        <label className="inline"><input type="radio" name={`${id}-format`} data-testid="cert-format-pkcs12" checked={format === 'pkcs12'} onChange={() => setFormat('pkcs12')} /> {t('certs.formatPkcs12')}</label>
        <label className="inline"><input type="radio" name={`${id}-format`} data-testid="cert-format-pem" checked={format === 'pem'} onChange={() => setFormat('pem')} /> {t('certs.formatPem')}</label>
      </fieldset>
      {format === 'pkcs12' && rsa ? (
        <label className="inline"><input type="checkbox" data-testid="cert-compat" checked={compat} onChange={(e) => setCompat(e.target.checked)} /> {t('certs.compat')}</label>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('certs.newPassphrase')}</label>
        <input id={`${id}-pass`} type="password" autoComplete="new-password" data-testid="cert-new-passphrase" value={pass} onChange={(e) => setPass(e.target.value)} aria-invalid={tooShort || undefined} />
        {tooShort ? <span className="field-error" role="alert">{t('certs.tooShort', { min: MIN_PASSPHRASE })}</span> : <span className="hint">{t('certs.passphraseHint', { min: MIN_PASSPHRASE })}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-again`}>{t('certs.repeatPassphrase')}</label>
        <input id={`${id}-again`} type="password" autoComplete="new-password" data-testid="cert-new-passphrase-again" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={differ || undefined} />
        {differ ? <span className="field-error" role="alert">{t('certs.differ')}</span> : null}
      </div>
      <fieldset className="field">
        <legend>{t('certs.where')}</legend>
        <label className="inline"><input type="radio" name={`${id}-where`} data-testid="cert-where-file" checked={where === 'file'} onChange={() => setWhere('file')} /> {t('certs.whereFile')}</label>
        <label className="inline"><input type="radio" name={`${id}-where`} data-testid="cert-where-medium" checked={where === 'medium'} onChange={() => setWhere('medium')} /> {t('certs.whereMedium')}</label>
      </fieldset>
      {where === 'medium' ? <MediumPicker id={`${id}-medium`} /> : null}
      <InlineErrors source={CERT_SOURCES.export} />
      <div className="buttons">
        <button type="submit" data-testid="cert-export-save" disabled={!ready || (where === 'medium' && medium === null)}>{t(where === 'medium' ? 'certs.writeMedium' : 'certs.save')}</button>
      </div>
      {exported ? (
        <p className="transfer-result" data-testid="cert-exported" tabIndex={-1} ref={done} role="status">
          {t('certs.exported', { file: exported.file, count: exported.certificates })} <code className="hash">{exported.sha256}</code>
          {exported.readme ? <><br />{t('certs.readme', { file: exported.readme })}</> : null}
          <br />{t('certs.importHint')}
        </p>
      ) : null}
      </>)}
    </form>
  );
}

export function CertificatesPage() {
  const { t } = useTranslation();
  const state = useCertStore();
  const { files, passphrase, hosts, result, busy, chooseFiles, setPassphrase, setHosts, inspect } = state;
  const appliances = useApplianceStore((s) => s.appliances);
  const loadAppliances = useApplianceStore((s) => s.load);
  useEffect(() => { void loadAppliances(); }, [loadAppliances]);
  const outdated = isOutdated(state);
  const heading = useRef<HTMLHeadingElement>(null);
  const run = async () => {
    if (await inspect()) requestAnimationFrame(() => heading.current?.focus());
  };
  // The inventory's host names (for an Atlas cluster every node's): what the certificate must cover.
  const fromInventory = () => setHosts([...new Set(appliances.map((a) => a.hostname))].join('\n'));
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('nav.certificates')}</PageTitle>
      <p>{t('certs.intro')}</p>
      <form className="cert-inspect" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <div className="field">
          <span className="label">{t('certs.files')}</span>
          <div className="buttons"><button type="button" data-testid="cert-choose" onClick={() => void chooseFiles()}>{t('certs.choose')}</button></div>
          {files.length > 0 ? <ul className="cert-files" data-testid="cert-files">{files.map((f) => <li key={f.handle}>{f.name}</li>)}</ul> : <p className="hint">{t('certs.noFiles')}</p>}
        </div>
        <div className="field">
          <label htmlFor="cert-passphrase">{t('certs.passphrase')}</label>
          <input id="cert-passphrase" type="password" autoComplete="off" data-testid="cert-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <span className="hint">{t('certs.passphraseNever')}</span>
        </div>
        <div className="field">
          <label htmlFor="cert-hosts">{t('certs.hosts')}</label>
          <textarea id="cert-hosts" rows={3} data-testid="cert-hosts" spellCheck={false} value={hosts} onChange={(e) => setHosts(e.target.value)} />
          {appliances.length > 0 ? <div className="buttons"><button type="button" className="secondary" data-testid="cert-hosts-inventory" onClick={fromInventory}>{t('certs.hostsFromInventory')}</button></div> : null}
        </div>
        <InlineErrors source={CERT_SOURCES.inspect} />
        <div className="buttons"><button type="submit" data-testid="cert-inspect" disabled={files.length === 0 || busy}>{t('certs.inspect')}</button></div>
      </form>
      {result ? (
        <div className={outdated ? 'outdated' : undefined} data-testid="cert-result">
          <h2 ref={heading} tabIndex={-1}>{t('certs.resultTitle')}</h2>
          {outdated ? <p className="warn-text" data-testid="cert-outdated">{t('certs.outdated')}</p> : null}
          <p data-testid="cert-key">{t(result.key ? 'certs.keyMatches' : 'certs.keyMissing')}</p>
          <Findings result={result} />
          <h3>{t('certs.chainTitle')}</h3>
          <Chain result={result} />
          {!outdated ? <ExportForm result={result} /> : null}
        </div>
      ) : null}
    </section>
  );
}
