/** Handlers of the `cert:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';
import type { ChainCert } from './inspect.ts';
import { basename } from 'node:path';
import { exportFiles, inspectFiles, writeExport, writeExportToMedium } from './cert-service.ts';

const shown = (c: ChainCert) => ({
  subject: c.subject, issuer: c.issuer, notBefore: c.notBefore, notAfter: c.notAfter, keyType: c.keyType, sha256: c.sha256,
  ca: c.ca, selfSigned: c.selfSigned, subjectAltName: c.subjectAltName, signatureAlgorithm: c.signatureAlgorithm, file: c.origin.file,
});

/** Inspect and export certificate material chosen in the app. */
export function setupCertHandlers(s: Services): DomainHandlers<'cert'> {
  return {
    'cert:inspect': async ({ files, passphrase, hosts }) => {
      const result = await inspectFiles(files.map((f) => s.files.resolve(f, 'file')), passphrase ?? null, hosts);
      return {
        chain: result.chain.map(shown), unrelated: result.unrelated.map(shown), key: result.key !== null,
        findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...(f.cert ? { cert: f.cert } : {}), ...(f.host ? { host: f.host } : {}) })),
      };
    },
    'cert:export': async ({ files, passphrase, outPassphrase, format, compat, saveTarget }) => {
      const exported = await exportFiles(files.map((f) => s.files.resolve(f, 'file')), passphrase ?? null, { passphrase: outPassphrase, format, compat });
      const written = writeExport(s.files.resolve(saveTarget, 'save-target'), exported, s.audit, format);
      return { ...written, certificates: exported.certificates };
    },
    'cert:exportToMedium': async ({ files, passphrase, outPassphrase, format, compat, medium }) => {
      const exported = await exportFiles(files.map((f) => s.files.resolve(f, 'file')), passphrase ?? null, { passphrase: outPassphrase, format, compat });
      const written = await writeExportToMedium(s.files.resolve(medium, 'medium'), exported, format, exported.name, { volumes: s.volumes, dataDir: s.dataDir, now: new Date(), requireMedium: true }, s.audit);
      return { file: basename(written.file), readme: basename(written.readme), sha256: written.sha256, certificates: exported.certificates };
    },
  };
}
