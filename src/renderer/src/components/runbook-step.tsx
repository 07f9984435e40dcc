/**
 * One step of a run: what to do (in the technician's words), the guide section it comes from, its
 * warning, and — depending on where it stands — why it is blocked (the steps it needs first), the
 * wait's end with a countdown, the evidence form (confirmation, typed value, pasted Status › Basics
 * compared with the plan at once, a file taken into the vault), skip with a reason, or what was
 * recorded.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Run, RunStep, StatusReadingInfo } from '../../../shared/contract.ts';
import { formatHours } from '../../../shared/hours.ts';
import { checkBasics, expectationFor, type BasicsCheck } from '../../../shared/runbooks/basics-check.ts';
import { judgeLinkReading, readingMustFollow } from '../../../shared/runbooks/link-evidence.ts';
import { formatBytes, formatTime } from '../format.ts';
import { useAppStore } from '../stores/app-store.ts';
import { RUNBOOK_SOURCES, useRunbookStore } from '../stores/runbook-store.ts';
import { formatSpan } from './appliance-time.ts';
import { InlineErrors } from './error-notice.tsx';
import { JobList } from './job-list.tsx';
import { LinkReadingEvidence } from './runbook-link-reading.tsx';

const EVIDENCE_JOBS = ['evidence-import'] as const;

/** The versions of a check as `site 13.1.0, base 4.0.0`. */
function versions(v: { site?: string | undefined; base?: string | undefined }, t: (k: string) => string): string {
  return [v.site ? `${t('runbook.basics.site')} ${v.site}` : null, v.base ? `${t('runbook.basics.base')} ${v.base}` : null].filter(Boolean).join(', ') || '—';
}

function BasicsResult({ check }: { check: BasicsCheck }) {
  const { t } = useTranslation();
  return (
    <div className={`basics-check ${check.outcome}`} data-testid="rb-basics-check" role="status">
      <strong>{t(`runbook.basics.outcome.${check.outcome}${check.how === 'anywhere' ? 'Anywhere' : ''}`)}</strong>
      <span>{t('runbook.basics.read', { versions: versions(check.read, t) })}</span>
      {Object.keys(check.expected).length > 0 ? <span>{t('runbook.basics.expected', { versions: versions(check.expected, t) })}</span> : null}
    </div>
  );
}

/** What a done or skipped step recorded. */
function Recorded({ step }: { step: RunStep }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="recorded" data-testid="rb-recorded">
      <span>{t(step.status === 'skipped' ? 'runbook.step.skippedAt' : 'runbook.step.doneAt', { at: step.at ? formatTime(step.at, i18n.language) : '', by: step.by || '—' })}</span>
      {step.status === 'skipped' ? <span data-testid="rb-skip-reason">{t('runbook.step.reason', { reason: step.note })}</span> : null}
      {step.given.map((e, i) => (
        <span key={i} className="evidence">
          {e.kind === 'vault-file' ? <>{t('runbook.evidence.file', { name: e.fileName ?? '' })} <code className="hash" data-testid="rb-evidence-hash">{e.value}</code></>
            : e.kind === 'pasted-basics' && e.check ? t('runbook.evidence.basics', { versions: versions(e.check.read, t) })
              : e.kind === 'link-reading' && e.reading ? t('runbook.evidence.reading', { name: e.reading.name, version: e.reading.version ?? '—', at: formatTime(e.reading.readAt, i18n.language) })
              : e.kind === 'typed' ? t('runbook.evidence.typed', { value: e.value })
                : t(`runbook.evidence.kind.${e.kind}`)}
        </span>
      ))}
      {step.status === 'done' && step.note ? <span>{t('runbook.step.note', { note: step.note })}</span> : null}
    </div>
  );
}

/** A countdown to `until`, ticking every second; calls `onOver` once (not at every render) when the time has come. */
function Countdown({ until, onOver }: { until: string; onOver: () => void }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = (Date.parse(until) - now) / 1000;
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const over = left <= 0;
  const latest = useRef(onOver);
  latest.current = onOver;
  const fired = useRef(false);
  useEffect(() => {
    if (!over || fired.current) return;
    fired.current = true;
    latest.current();
  }, [over]);
  return (
    <p className="wait" data-testid="rb-wait-left" role="timer">
      {over ? t('runbook.step.waitOver') : t('runbook.step.waitUntil', { at: formatTime(until, i18n.language), left: formatSpan(left, i18n.language) })}
    </p>
  );
}

export function RunbookStep({ run, step, index, onChanged }: { run: Run; step: RunStep; index: number; onChanged(stepId: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const { complete, skip, chooseEvidence, busy, load } = useRunbookStore();
  const go = useAppStore((st) => st.go);
  const file = useRunbookStore((s) => s.files[`${run.id}:${step.id}`]);
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [typed, setTyped] = useState('');
  const [pasted, setPasted] = useState('');
  const [check, setCheck] = useState<BasicsCheck | null>(null);
  const [reading, setReading] = useState<StatusReadingInfo | null>(null);
  const [linked, setLinked] = useState(false);
  const [note, setNote] = useState('');
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const skipRef = useRef<HTMLButtonElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  // A refusal leaves the step where it was: the focus goes back to the button that was pressed.
  const refocus = (el: { current: HTMLElement | null }) => requestAnimationFrame(() => el.current?.focus());
  const open = step.status === 'ready' || step.status === 'waiting';
  // A step with a package is named with it: "Install … on B — Bomgar-12.2.0", not one of four alike.
  const titleOf = (stepId: string) => {
    const s = run.steps.find((x) => x.id === stepId);
    return s ? `${s.title[lang]}${s.package ? ` — ${s.package.name}` : ''}` : stepId;
  };
  const openRequired = step.requires.filter((r) => { const s = run.steps.find((x) => x.id === r); return s && s.status !== 'done' && s.status !== 'skipped'; });
  const takes = (k: RunStep['evidence'][number]) => step.evidence.includes(k);
  const needsFile = takes('vault-file');
  const needsBasics = takes('pasted-basics');
  const needsTyped = takes('typed');
  const fileReady = file?.state === 'ready' ? file : null;
  // What the service will check of a link reading, said before it is sent: the same rule.
  const expected = expectationFor(run, step);
  const after = readingMustFollow(run, step);
  const unfit = reading === null ? null : judgeLinkReading(step, reading, after, expected);
  const readingFits = reading !== null && unfit === null;
  const evidenceGiven = (needsFile && fileReady !== null) || (needsBasics && check !== null && (check.outcome === 'match' || check.outcome === 'nothing-expected')) || (needsTyped && typed.trim() !== '')
    || (needsBasics && readingFits);
  const needsEvidence = needsFile || needsBasics || needsTyped;
  // A sync read from the appliance counts as the confirmation (the service checks it is newer than the steps before).
  const syncFromLink = step.kind === 'sync' && linked;
  const canComplete = step.status === 'ready' && !busy && (needsEvidence ? evidenceGiven : syncFromLink ? readingFits : !takes('confirm') || confirmed || readingFits);

  const done = async () => {
    const evidence = [
      ...(needsFile && fileReady ? [{ kind: 'vault-file' as const, value: fileReady.sha256 }] : []),
      ...(needsBasics && pasted.trim() !== '' ? [{ kind: 'pasted-basics' as const, value: pasted }] : []),
      ...(needsTyped && typed.trim() !== '' ? [{ kind: 'typed' as const, value: typed.trim() }] : []),
      ...(takes('confirm') ? [{ kind: 'confirm' as const, value: '' }] : []),
      ...(takes('timestamp') ? [{ kind: 'timestamp' as const, value: new Date().toISOString() }] : []),
      ...(reading !== null && readingFits ? [{ kind: 'link-reading' as const, value: reading.id }] : []),
    ];
    if (await complete(step.id, evidence, note.trim())) onChanged(step.id);
    else refocus(doneRef);
  };
  const doSkip = async () => {
    if (await skip(step.id, reason)) onChanged(step.id);
    else refocus(reasonRef);
  };
  const cancelSkip = () => {
    setSkipping(false);
    refocus(skipRef);
  };
  // The copied file is in: the next thing to do is to mark the step done.
  const ready = file?.state === 'ready';
  useEffect(() => { if (ready) refocus(doneRef); }, [ready]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { if (skipping) reasonRef.current?.focus(); }, [skipping]);

  return (
    <li className={`rb-step ${step.status}`} data-testid={`rb-step-${step.id}`} data-status={step.status}>
      <h4 id={`rb-title-${step.id}`} tabIndex={-1}>
        <span className={`status-badge ${step.status}`} data-testid="rb-status">{t(`runbook.status.${step.status}`)}</span>
        <span className="rb-num">{index + 1}.</span> {step.title[lang]}
        {step.package ? <span className="package"> — {step.package.name}</span> : null}
      </h4>
      {step.appliances.length > 0 ? <p className="hint">{t('runbook.step.appliances', { names: step.appliances.join(', ') })}</p> : null}
      {open || step.status === 'blocked' ? <p className="step-text">{step.text[lang]}</p> : null}
      {(open || step.status === 'blocked') && step.warning ? <p className="warning-box" role="note">{step.warning[lang]}</p> : null}
      <p className="guide-ref">{t('runbook.step.guide', { ref: step.guideRef })}</p>
      {step.status === 'blocked' ? (
        <p className="blocked-why" data-testid="rb-blocked-why">{t('runbook.step.blocked', { steps: openRequired.map(titleOf).join(' · ') })}</p>
      ) : null}
      {step.status === 'waiting' && step.waitUntil ? <Countdown until={step.waitUntil} onOver={() => void load()} /> : null}
      {/* A length set at the start replaces the guide's, which the text above still names. */}
      {step.kind === 'wait' && step.waitHours !== undefined && run.waitHours !== null && step.status !== 'done' && step.status !== 'skipped' ? (
        <p className="hint" data-testid="rb-wait-configured">{t('runbook.step.waitConfigured', { hours: formatHours(step.waitHours, i18n.language) })}</p>
      ) : null}
      {step.status === 'done' || step.status === 'skipped' ? <Recorded step={step} /> : null}
      {step.status === 'ready' ? (
        <div className="evidence-form">
          {needsFile ? (
            <div className="field">
              {step.stepId === 'export-certificate' ? (
                <p className="hint">{t('runbook.evidence.certHint')} <button type="button" className="link" data-testid="rb-open-certificates" onClick={() => go('certificates')}>{t('runbook.evidence.certOpen')}</button></p>
              ) : null}
              <span className="label">{t('runbook.evidence.fileLabel')}</span>
              <div className="buttons">
                <button type="button" ref={chooseRef} data-testid="rb-choose-file" aria-disabled={file?.state === 'copying' || undefined} onClick={() => { if (file?.state !== 'copying') void chooseEvidence(run.id, step.id); }}>{t('runbook.evidence.choose')}</button>
              </div>
              {fileReady ? (
                <p className="hint" data-testid="rb-file-ready">{t('runbook.evidence.inVault', { name: fileReady.name, size: formatBytes(fileReady.size, i18n.language) })} <code className="hash">{fileReady.sha256}</code></p>
              ) : null}
              {file?.state === 'copying' ? <JobList kinds={EVIDENCE_JOBS} /> : null}
              <InlineErrors source={RUNBOOK_SOURCES.evidence(step.id)} />
            </div>
          ) : null}
          {needsBasics ? (
            <div className="field">
              <label htmlFor={`${id}-basics`}>{t('runbook.evidence.basicsLabel')}</label>
              <textarea id={`${id}-basics`} data-testid="rb-basics" rows={4} spellCheck={false} value={pasted}
                onChange={(e) => { setPasted(e.target.value); setCheck(e.target.value.trim() === '' ? null : checkBasics(e.target.value, expectationFor(run, step))); }} />
              {check ? <BasicsResult check={check} /> : Object.keys(expectationFor(run, step)).length > 0
                ? <span className="hint">{t('runbook.basics.expected', { versions: versions(expectationFor(run, step), t) })}</span> : null}
            </div>
          ) : null}
          <LinkReadingEvidence step={step} reading={reading} unfit={unfit} expectedSite={expected.site} after={new Date(after).toISOString()} onReading={setReading} onLinked={setLinked} />
          {needsTyped ? (
            <div className="field">
              <label htmlFor={`${id}-typed`}>{t('runbook.evidence.typedLabel')}</label>
              <input id={`${id}-typed`} data-testid="rb-typed" value={typed} onChange={(e) => setTyped(e.target.value)} />
            </div>
          ) : null}
          {!needsEvidence && !syncFromLink && takes('confirm') ? (
            <label className="inline"><input type="checkbox" data-testid="rb-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('runbook.evidence.confirm')}</label>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('runbook.step.noteLabel')}</label>
            <input id={`${id}-note`} data-testid="rb-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        </div>
      ) : null}
      {open ? (
        <>
          <InlineErrors source={RUNBOOK_SOURCES.step(step.id)} />
          {skipping ? (
            <div className="skip-form field" data-testid="rb-skip-form">
              <label htmlFor={`${id}-reason`}>{t('runbook.step.reasonLabel')}</label>
              <textarea id={`${id}-reason`} ref={reasonRef} data-testid="rb-skip-reason-input" rows={2} maxLength={500} value={reason}
                onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') cancelSkip(); }} />
              <div className="buttons">
                <button type="button" data-testid="rb-skip-confirm" disabled={reason.trim() === '' || busy} onClick={() => void doSkip()}>{t('runbook.step.skipConfirm')}</button>
                <button type="button" className="secondary" onClick={cancelSkip}>{t('runbook.step.skipCancel')}</button>
              </div>
            </div>
          ) : (
            <div className="buttons">
              {step.status === 'ready' ? <button type="button" ref={doneRef} data-testid="rb-done" disabled={!canComplete} onClick={() => void done()}>{t('runbook.step.done')}</button> : null}
              {/* A backup is taken, never skipped (the service refuses it too). */}
              {step.kind !== 'backup' ? <button type="button" ref={skipRef} className="secondary" data-testid="rb-skip" onClick={() => setSkipping(true)}>{t('runbook.step.skip')}</button> : null}
            </div>
          )}
        </>
      ) : null}
    </li>
  );
}
