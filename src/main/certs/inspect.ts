/**
 * Inspecting certificate material before it travels (DESIGN: Certificates): the leaf is found (the
 * certificate the private key belongs to, else the one that issued no other), the chain is built
 * upwards by issuer and signature, validated by pkijs' chain engine (leaf passed LAST, as it expects)
 * and cross-checked per link by Node's `verify()` — a signature check alone is never validation — and
 * every finding gets its code and severity: errors (expired, not yet valid, key mismatch or missing,
 * intermediate missing, issuer not a CA, host not in the SAN, RSA < 2048, SHA-1), warnings (expiring
 * within 30 days, out of order — Ferry exports it ordered —, self-signed leaf), and for information a
 * chain that ends at an intermediate (the root not included, as chains are usually handed out).
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { Certificate as PkijsCertificate, CertificateChainValidationEngine } from 'pkijs';
import { FerryError, type ErrorCode } from '../../shared/errors.ts';
import type { Material, Origin } from './read-material.ts';

/** How bad a finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing found, with its code (stable), severity and an English message with the specifics. */
export interface Finding {
  code: ErrorCode;
  severity: Severity;
  message: string;
  /** The certificate it is about (SHA-256 of its DER), when it is about one. */
  cert?: string;
  /** For host findings: the host name. */
  host?: string;
}

/** A certificate as the inspection shows it. */
export interface ChainCert {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  sha256: string;
  ca: boolean;
  selfSigned: boolean;
  subjectAltName: string | null;
  signatureAlgorithm: string;
  origin: Origin;
}

/** The result: the chain leaf first (as far as it could be built), the findings, and the parts for an export. */
export interface Inspection {
  chain: ChainCert[];
  findings: Finding[];
  /** The ordered certificates (leaf first) and the key that belongs to the leaf, for an export. */
  ordered: X509Certificate[];
  key: KeyObject | null;
  /** Certificates given that are not part of the leaf's chain. */
  unrelated: ChainCert[];
}

const SEVERITY: Partial<Record<ErrorCode, Severity>> = {
  CERT_EXPIRED: 'error', CERT_NOT_YET_VALID: 'error', CERT_KEY_MISMATCH: 'error', CERT_KEY_MISSING: 'error',
  CERT_CHAIN_INCOMPLETE: 'error', CERT_ISSUER_NOT_CA: 'error', CERT_HOST_MISMATCH: 'error', CERT_WEAK_KEY: 'error',
  CERT_WEAK_SIGNATURE: 'error', CERT_EXPIRING_SOON: 'warning', CERT_CHAIN_ORDER: 'warning', CERT_SELF_SIGNED: 'warning',
  CERT_ROOT_NOT_INCLUDED: 'info',
};

const DAY = 86_400_000;
/** A certificate ending within this many days is reported (a warning). */
export const EXPIRING_SOON_DAYS = 30;

const sha256 = (c: X509Certificate): string => c.fingerprint256.replaceAll(':', '').toLowerCase();
const firstLine = (dn: string): string => dn.split('\n').map((l) => l.trim()).filter(Boolean).join(', ');

function keyType(c: X509Certificate): string {
  const k = c.publicKey;
  const d = k.asymmetricKeyDetails ?? {};
  if (k.asymmetricKeyType === 'rsa' || k.asymmetricKeyType === 'rsa-pss') return `RSA ${d.modulusLength ?? '?'}`;
  if (k.asymmetricKeyType === 'ec') return `EC ${({ prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' } as Record<string, string>)[d.namedCurve ?? ''] ?? d.namedCurve ?? '?'}`;
  return (k.asymmetricKeyType ?? 'unknown').toUpperCase();
}

/**
 * Whether `issuer` issued `child`: the names match and the signature verifies. Not `checkIssued`, which
 * also demands keyCertSign of the issuer — a certificate that signs without being a CA must still be
 * found as the issuer, to be reported as one (CERT_ISSUER_NOT_CA), not as a missing intermediate.
 */
const issued = (child: X509Certificate, issuer: X509Certificate): boolean => child.issuer === issuer.subject && safeVerify(child, issuer);

const selfIssued = (c: X509Certificate): boolean => issued(c, c);

function safeVerify(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Whether `key` is the private key of `cert`. */
function keyMatches(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}

function describe(c: X509Certificate, origin: Origin): ChainCert {
  return {
    subject: firstLine(c.subject), issuer: firstLine(c.issuer), notBefore: c.validFromDate.toISOString(), notAfter: c.validToDate.toISOString(),
    keyType: keyType(c), sha256: sha256(c), ca: c.ca, selfSigned: selfIssued(c), subjectAltName: c.subjectAltName ?? null,
    signatureAlgorithm: c.signatureAlgorithm ?? 'unknown', origin,
  };
}

/** Inspects `material` as of `now` for `hosts` (every one must be in the leaf's SAN). */
export async function inspect(material: Material, hosts: readonly string[], now: Date = new Date()): Promise<Inspection> {
  // The same certificate given twice (a bundle and a PKCS#12) counts once, where it first appeared.
  const seen = new Map<string, { cert: X509Certificate; origin: Origin }>();
  for (const c of material.certs) if (!seen.has(sha256(c.cert))) seen.set(sha256(c.cert), c);
  const certs = [...seen.values()];
  const findings: Finding[] = [];
  const add = (code: ErrorCode, message: string, extra: Partial<Finding> = {}) => findings.push({ code, severity: SEVERITY[code] ?? 'info', message, ...extra });
  if (certs.length === 0) throw new FerryError('CERT_UNREADABLE', 'No certificate was given, only private keys', { reason: 'no-certificate' });

  // The leaf: the certificate a given key belongs to; else the one no other certificate here was issued by.
  const withKey = certs.find((c) => material.keys.some((k) => keyMatches(c.cert, k.key)));
  const isIssuerOfSome = (c: X509Certificate) => certs.some((o) => sha256(o.cert) !== sha256(c) && issued(o.cert, c));
  const leafEntry = withKey ?? certs.find((c) => !isIssuerOfSome(c.cert) && !c.cert.ca) ?? certs.find((c) => !isIssuerOfSome(c.cert)) ?? certs[0]!;
  const leaf = leafEntry.cert;

  // The chain upwards: each next certificate is one here that issued the one before (name and signature).
  const ordered: { cert: X509Certificate; origin: Origin }[] = [leafEntry];
  for (;;) {
    const last = ordered.at(-1)!.cert;
    if (selfIssued(last)) break;
    const issuer = certs.find((c) => !ordered.includes(c) && issued(last, c.cert));
    if (!issuer) break;
    ordered.push(issuer);
  }
  const top = ordered.at(-1)!.cert;
  const leafSelfSigned = selfIssued(leaf);
  if (!selfIssued(top)) {
    // Ending at a CA is how chains are handed out (the root is in every client already); ending at the
    // leaf means its intermediate is missing. An intermediate missing above another cannot be told from
    // the root, so that case is named in the message.
    if (ordered.length > 1 && top.ca) {
      add('CERT_ROOT_NOT_INCLUDED', `The chain ends at "${firstLine(top.subject)}", issued by "${firstLine(top.issuer)}", which is not among the files: the root clients trust (if it is another intermediate, add it)`, { cert: sha256(top) });
    } else {
      add('CERT_CHAIN_INCOMPLETE', `The issuer of "${firstLine(top.subject)}" ("${firstLine(top.issuer)}") is not among the certificates given`, { cert: sha256(top) });
    }
  }

  // Order as given: each certificate of the chain after the one it issued, in one file.
  const positions = ordered.map((c) => c.origin);
  const inOrder = positions.every((p, i) => i === 0 || (p.file === positions[i - 1]!.file ? p.index > positions[i - 1]!.index : true));
  if (!inOrder) add('CERT_CHAIN_ORDER', 'The certificates are not in order (leaf first, then each issuer); Ferry exports them ordered');

  // Dates, keys and signatures of each certificate of the chain.
  for (const { cert } of ordered) {
    const name = firstLine(cert.subject);
    if (cert.validToDate.getTime() < now.getTime()) add('CERT_EXPIRED', `"${name}" expired on ${cert.validToDate.toISOString()}`, { cert: sha256(cert) });
    else if (cert.validFromDate.getTime() > now.getTime()) add('CERT_NOT_YET_VALID', `"${name}" is valid only from ${cert.validFromDate.toISOString()}`, { cert: sha256(cert) });
    else if (cert.validToDate.getTime() - now.getTime() < EXPIRING_SOON_DAYS * DAY) add('CERT_EXPIRING_SOON', `"${name}" expires on ${cert.validToDate.toISOString()}, within ${EXPIRING_SOON_DAYS} days`, { cert: sha256(cert) });
    const details = cert.publicKey.asymmetricKeyDetails ?? {};
    if ((cert.publicKey.asymmetricKeyType === 'rsa' || cert.publicKey.asymmetricKeyType === 'rsa-pss') && (details.modulusLength ?? 0) < 2048) {
      add('CERT_WEAK_KEY', `"${name}" has an RSA key of ${details.modulusLength} bits (at least 2048 are needed)`, { cert: sha256(cert) });
    }
    // A root's own signature does not matter (clients trust it by its key); every other SHA-1 does.
    if (!selfIssued(cert) && /sha1|sha-1/i.test(cert.signatureAlgorithm ?? '')) add('CERT_WEAK_SIGNATURE', `"${name}" is signed with SHA-1 (${cert.signatureAlgorithm})`, { cert: sha256(cert) });
  }
  for (let i = 1; i < ordered.length; i += 1) {
    const issuer = ordered[i]!.cert;
    if (!issuer.ca) add('CERT_ISSUER_NOT_CA', `"${firstLine(issuer.subject)}" issued "${firstLine(ordered[i - 1]!.cert.subject)}" but is not a CA (basicConstraints CA:FALSE or missing)`, { cert: sha256(issuer) });
  }
  if (leafSelfSigned) add('CERT_SELF_SIGNED', `"${firstLine(leaf.subject)}" is self-signed: clients trust it only if it was distributed to them`, { cert: sha256(leaf) });

  // The key: given and matching, given and not matching, or missing.
  const key = material.keys.find((k) => keyMatches(leaf, k.key))?.key ?? null;
  if (key === null) {
    if (material.keys.length > 0) add('CERT_KEY_MISMATCH', `None of the ${material.keys.length} private key(s) given belongs to "${firstLine(leaf.subject)}"`, { cert: sha256(leaf) });
    else add('CERT_KEY_MISSING', `No private key was given for "${firstLine(leaf.subject)}"`, { cert: sha256(leaf) });
  }
  for (const host of hosts) {
    if (leaf.checkHost(host) === undefined) add('CERT_HOST_MISMATCH', `"${host}" is not in the certificate's subject alternative names (${leaf.subjectAltName ?? 'none'})`, { cert: sha256(leaf), host });
  }

  // The chain engine's verdict, leaf LAST, cross-checked by Node per link (each signature by its issuer).
  // A complete chain without another error must pass both; what the engine still rejects (a key usage, a
  // path length) is a CA that may not issue this certificate.
  const engine = ordered.length > 1 ? await engineVerdict(ordered.map((c) => c.cert), now) : { ok: true, message: '' };
  const linksOk = ordered.every((c, i) => (i === ordered.length - 1 ? selfIssued(c.cert) : safeVerify(c.cert, ordered[i + 1]!.cert)));
  // (A self-signed leaf alone has no chain to validate: its finding says what it means.)
  if (selfIssued(top) && ordered.length > 1 && !findings.some((f) => f.severity === 'error') && !(engine.ok && linksOk)) {
    add('CERT_ISSUER_NOT_CA', `The chain does not validate: ${engine.ok ? 'a signature does not verify' : engine.message}`);
  }

  const chain = ordered.map((c) => describe(c.cert, c.origin));
  const unrelated = certs.filter((c) => !ordered.includes(c)).map((c) => describe(c.cert, c.origin));
  return { chain, findings, ordered: ordered.map((c) => c.cert), key, unrelated };
}

/** pkijs' chain validation over `chain` (leaf first here), the top as the trust anchor when it is self-signed. */
async function engineVerdict(chain: readonly X509Certificate[], now: Date): Promise<{ ok: boolean; message: string }> {
  try {
    const parsed = chain.map((c) => PkijsCertificate.fromBER(new Uint8Array(c.raw)));
    const top = chain.at(-1)!;
    const anchors = selfIssued(top) ? [parsed.at(-1)!] : [];
    // pkijs takes the LAST certificate of `certs` as the one to validate: intermediates first, the leaf last.
    const engine = new CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...parsed.slice(1).reverse(), parsed[0]!], checkDate: now });
    const result = await engine.verify();
    return { ok: result.result, message: result.resultMessage };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
