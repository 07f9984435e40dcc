/**
 * Certificate material made by the OpenSSL CLI at test time, independent of Ferry's code: a root →
 * intermediate → leaf PKI with the broken variants of issue 11, and writers for every form appliances
 * and CAs hand out (PEM bundles in any order, DER, PKCS#7, PKCS#12 default/legacy/3DES, key formats).
 *
 * Certificates are signed by `openssl ca` with `-startdate/-enddate`: OpenSSL 3.0's `x509` and `req`
 * cannot back- or forward-date (no `-not_before`/`-not_after` before 3.4; `-days` must be positive).
 * Keys are the slow part (RSA-2048), so they are generated once per process per (name, role, type)
 * and copied; `makePki` signs certificates afresh, `cachedPki` signs once per options and only writes
 * them out. Passphrases never reach argv: they go through 0600 files and `-passin/-passout file:`.
 * Everything is written into the caller's folder (scratch work in a private folder removed at once);
 * no Vitest import, so e2e specs can use it too.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `rsa` is RSA-2048. */
export type KeyType = 'rsa' | 'rsa-1024' | 'ec-p256' | 'ec-p384';
export type Digest = 'sha256' | 'sha384' | 'sha1';
/** Validity in days relative to now: `{ fromDays: -1, toDays: 365 }` is notBefore yesterday, notAfter in a year. */
export interface Validity { fromDays: number; toDays: number }

export interface KeyFile { path: string; pem: string; keyType: KeyType }
/** `sha256` is the fingerprint of the DER, lowercase hex without colons; `subject` as `openssl x509 -subject` prints it. */
export interface CertFile { path: string; pem: string; sha256: string; subject: string }
export interface Issued { cert: CertFile; key: KeyFile }
export interface Pki { dir: string; hosts: string[]; root: Issued; intermediate: Issued; leaf: Issued }

export const DEFAULT_HOST = 'support.example.com';

export interface PkiOptions {
  /** Subject O and the key cache's identity (PKIs with the same name share keys and names); default `Ferry Test`. */
  name?: string;
  /** Key type of all three certificates; default `ec-p256` (fast). */
  keyType?: KeyType;
  /** Overrides the leaf's key type (e.g. `rsa-1024`). */
  leafKeyType?: KeyType;
  /** Leaf SAN entries: DNS names (wildcards allowed), dotted quads become IP entries; `[]` → no SAN. */
  hosts?: string[];
  /** Leaf CN; default the first host, else `support.example.com`. */
  leafCn?: string;
  rootValidity?: Validity;
  intermediateValidity?: Validity;
  leafValidity?: Validity;
  /** Digest the intermediate signs the leaf with; default sha384 under a P-384 intermediate, else sha256. */
  leafDigest?: Digest;
  /** `false` → the intermediate is `CA:FALSE` without keyCertSign and still signs the leaf. */
  intermediateIsCa?: boolean;
  /** Prefix for the file names (`${prefix}leaf.pem` …) so several PKIs can share a folder. */
  prefix?: string;
}

/** The broken (and wildcard) variants of issue 11 as options for `makePki`; combine with spread. */
export const variants = {
  expired: { leafValidity: { fromDays: -400, toDays: -30 } },
  notYetValid: { leafValidity: { fromDays: 30, toDays: 400 } },
  expiringSoon: { leafValidity: { fromDays: -355, toDays: 10 } },
  sha1: { leafDigest: 'sha1' },
  rsa1024: { leafKeyType: 'rsa-1024' },
  issuerNotCa: { intermediateIsCa: false },
  wrongHost: { hosts: ['other.example.net'] },
  wildcard: { hosts: ['*.example.com', 'example.com'] },
  noSan: { hosts: [] },
} satisfies Record<string, PkiOptions>;

/** Runs `openssl args…` in `cwd` and returns the result (status, stdout, stderr as text); never throws. */
export function runOpenssl(cwd: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync('openssl', args, { cwd, encoding: 'utf8' });
}

/** Runs `openssl args…` in `cwd`, returns stdout, throws with stderr when it fails. */
function openssl(cwd: string, args: readonly string[]): string {
  const run = runOpenssl(cwd, args);
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr}`);
  return run.stdout;
}

/** Runs `fn` in a private scratch folder (CA database, CSRs, passphrase files), removed afterwards. */
function withScratch<T>(fn: (scratch: string) => T): T {
  const scratch = mkdtempSync(join(tmpdir(), 'ferry-openssl-'));
  try {
    return fn(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes `passphrase` (one line) to `dir/fileName` with mode 0600 for `file:` or `--passphrase-file`; returns the path. */
export function writePassphraseFile(dir: string, fileName: string, passphrase: string): string {
  if (/[\r\n]/.test(passphrase)) throw new Error('passphrase must be one line');
  const path = join(dir, fileName);
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600 });
  return path;
}

const keyCache = new Map<string, string>();
const GENPKEY: Record<KeyType, string[]> = {
  rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  'ec-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
};

/** Writes the process-cached key for (name, role, keyType) to `dir/fileName` as unencrypted PKCS#8 PEM. */
function cachedKey(dir: string, fileName: string, name: string, role: string, keyType: KeyType): KeyFile {
  const id = `${name}|${role}|${keyType}`;
  let pem = keyCache.get(id);
  if (pem === undefined) {
    pem = openssl(dir, ['genpkey', ...GENPKEY[keyType]]);
    keyCache.set(id, pem);
  }
  const path = join(dir, fileName);
  writeFileSync(path, pem, { mode: 0o600 });
  return { path, pem, keyType };
}

/** `days` from now as ASN.1 GeneralizedTime text (YYYYMMDDHHMMSSZ) for `openssl ca -startdate/-enddate`. */
function asn1Time(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Reads back the SHA-256 fingerprint (of the DER, lowercase hex) and the subject of a PEM certificate file. */
function describe(dir: string, path: string, pem: string): CertFile {
  const out = openssl(dir, ['x509', '-in', path, '-noout', '-fingerprint', '-sha256', '-subject']);
  const fingerprint = /Fingerprint=([0-9A-F:]+)/i.exec(out)?.[1];
  const subject = /^subject=(.*)$/m.exec(out)?.[1]?.trim();
  if (!fingerprint || subject === undefined) throw new Error(`unexpected openssl x509 output: ${out}`);
  return { path, pem, sha256: fingerprint.replace(/:/g, '').toLowerCase(), subject };
}

interface SignRequest {
  /** `-subj` form, e.g. `/O=Ferry Test/CN=Root`. */
  subject: string;
  key: KeyFile;
  /** Absent → self-signed. */
  issuer?: Issued;
  /** Lines of the X.509v3 extension section. */
  extensions: string[];
  validity: Validity;
  digest: Digest;
}

const CA_CONFIG = `[ ca ]
default_ca = ferry
[ ferry ]
database = index.txt
serial = serial.txt
new_certs_dir = .
unique_subject = no
email_in_dn = no
policy = anything
[ anything ]
organizationName = optional
commonName = supplied
`;

/** Signs a certificate for `req` with `openssl ca` (any validity, any digest) into `dir/fileName`. */
function issue(dir: string, fileName: string, req: SignRequest): CertFile {
  const out = join(dir, fileName);
  withScratch((scratch) => {
    writeFileSync(join(scratch, 'ca.cnf'), `${CA_CONFIG}[ ext ]\n${req.extensions.join('\n')}\n`);
    writeFileSync(join(scratch, 'index.txt'), '');
    writeFileSync(join(scratch, 'serial.txt'), '01\n');
    openssl(scratch, ['req', '-new', '-key', req.key.path, '-subj', req.subject, '-out', 'req.csr']);
    const signer = req.issuer ? ['-cert', req.issuer.cert.path, '-keyfile', req.issuer.key.path] : ['-selfsign', '-keyfile', req.key.path];
    openssl(scratch, ['ca', '-config', 'ca.cnf', '-batch', '-notext', '-rand_serial', '-preserveDN', '-in', 'req.csr', '-out', out,
      '-subj', req.subject, '-extensions', 'ext', '-md', req.digest, '-startdate', asn1Time(req.validity.fromDays), '-enddate', asn1Time(req.validity.toDays),
      ...signer]);
  });
  return describe(dir, out, readFileSync(out, 'utf8'));
}

const defaultDigest = (signer: KeyType): Digest => (signer === 'ec-p384' ? 'sha384' : 'sha256');
const isRsa = (keyType: KeyType): boolean => keyType === 'rsa' || keyType === 'rsa-1024';
const san = (hosts: readonly string[]): string[] => hosts.length === 0 ? [] :
  [`subjectAltName = ${hosts.map((h) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',')}`];
const leafExtensions = (keyType: KeyType, hosts: readonly string[]): string[] => [
  'basicConstraints = critical,CA:FALSE',
  `keyUsage = critical,${isRsa(keyType) ? 'digitalSignature,keyEncipherment' : 'digitalSignature'}`,
  'extendedKeyUsage = serverAuth',
  ...san(hosts),
  'subjectKeyIdentifier = hash',
];

/** Checks a name is safe inside `-subj` and a SAN line (letters, digits, space, `_ . * -` only). */
function checkName(name: string): string {
  if (!/^[\w .*-]+$/.test(name)) throw new Error(`unsupported subject value: ${name}`);
  return name;
}

/**
 * Root CA (self-signed, CA:TRUE, keyCertSign) → intermediate CA → leaf (SAN, serverAuth) in `dir`:
 * `root.pem`/`root.key`, `intermediate.pem`/`.key`, `leaf.pem`/`.key` (keys unencrypted PKCS#8).
 */
export function makePki(dir: string, options: PkiOptions = {}): Pki {
  const name = checkName(options.name ?? 'Ferry Test');
  const keyType = options.keyType ?? 'ec-p256';
  const leafKeyType = options.leafKeyType ?? keyType;
  const hosts = (options.hosts ?? [DEFAULT_HOST]).map(checkName);
  const leafCn = checkName(options.leafCn ?? hosts[0] ?? DEFAULT_HOST);
  const prefix = options.prefix ?? '';

  const rootKey = cachedKey(dir, `${prefix}root.key`, name, 'root', keyType);
  const root: Issued = { key: rootKey, cert: issue(dir, `${prefix}root.pem`, {
    subject: `/O=${name}/CN=${name} Root CA`, key: rootKey, digest: defaultDigest(keyType),
    validity: options.rootValidity ?? { fromDays: -30, toDays: 3650 },
    extensions: ['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash'],
  }) };

  const intermediateKey = cachedKey(dir, `${prefix}intermediate.key`, name, 'intermediate', keyType);
  const intermediateIsCa = options.intermediateIsCa ?? true;
  const intermediate: Issued = { key: intermediateKey, cert: issue(dir, `${prefix}intermediate.pem`, {
    subject: `/O=${name}/CN=${name} ${intermediateIsCa ? 'Intermediate CA' : 'Not A CA'}`, key: intermediateKey, issuer: root,
    digest: defaultDigest(keyType), validity: options.intermediateValidity ?? { fromDays: -30, toDays: 1825 },
    extensions: intermediateIsCa
      ? ['basicConstraints = critical,CA:TRUE,pathlen:0', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid:always']
      : ['basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature', 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid:always'],
  }) };

  const leafKey = cachedKey(dir, `${prefix}leaf.key`, name, 'leaf', leafKeyType);
  const leaf: Issued = { key: leafKey, cert: issue(dir, `${prefix}leaf.pem`, {
    subject: `/O=${name}/CN=${leafCn}`, key: leafKey, issuer: intermediate,
    digest: options.leafDigest ?? defaultDigest(keyType), validity: options.leafValidity ?? { fromDays: -1, toDays: 365 },
    extensions: [...leafExtensions(leafKeyType, hosts), 'authorityKeyIdentifier = keyid:always'],
  }) };

  return { dir, hosts, root, intermediate, leaf };
}

export interface SelfSignedOptions {
  name?: string;
  keyType?: KeyType;
  hosts?: string[];
  validity?: Validity;
  digest?: Digest;
  /** File names are `${prefix}self-signed.pem` / `.key`. */
  prefix?: string;
}

/** A self-signed server certificate (CA:FALSE, SAN, serverAuth) with no CA behind it: `self-signed.pem`/`.key`. */
export function makeSelfSigned(dir: string, options: SelfSignedOptions = {}): Issued {
  const name = checkName(options.name ?? 'Ferry Test');
  const keyType = options.keyType ?? 'ec-p256';
  const hosts = (options.hosts ?? [DEFAULT_HOST]).map(checkName);
  const prefix = options.prefix ?? '';
  const key = cachedKey(dir, `${prefix}self-signed.key`, name, 'self-signed', keyType);
  const cert = issue(dir, `${prefix}self-signed.pem`, {
    subject: `/O=${name}/CN=${checkName(hosts[0] ?? DEFAULT_HOST)}`, key, digest: options.digest ?? defaultDigest(keyType),
    validity: options.validity ?? { fromDays: -1, toDays: 365 }, extensions: leafExtensions(keyType, hosts),
  });
  return { cert, key };
}

/** A key of the leaf's type that does not match the leaf (a second cached key), written to `dir/fileName`. */
export function makeWrongKey(dir: string, pki: Pki, fileName = 'wrong.key'): KeyFile {
  return cachedKey(dir, fileName, 'wrong key', 'wrong', pki.leaf.key.keyType);
}

const PKI_CACHE = new Map<string, Pki>();

/**
 * The same PKI (same certificates, same fingerprints) for the same options throughout the process,
 * signed once and then only written into `dir` (with `options.prefix`): fast for tests that only read it.
 */
export function cachedPki(dir: string, options: PkiOptions = {}): Pki {
  const id = JSON.stringify({ ...options, prefix: '' });
  let built = PKI_CACHE.get(id);
  if (built === undefined) {
    built = withScratch((scratch) => makePki(scratch, { ...options, prefix: '' }));
    PKI_CACHE.set(id, built);
  }
  const prefix = options.prefix ?? '';
  const place = (issued: Issued, role: string): Issued => {
    const cert = { ...issued.cert, path: join(dir, `${prefix}${role}.pem`) };
    const key = { ...issued.key, path: join(dir, `${prefix}${role}.key`) };
    writeFileSync(cert.path, cert.pem);
    writeFileSync(key.path, key.pem, { mode: 0o600 });
    return { cert, key };
  };
  return { dir, hosts: [...built.hosts], root: place(built.root, 'root'), intermediate: place(built.intermediate, 'intermediate'), leaf: place(built.leaf, 'leaf') };
}

/** Leaf, intermediate, root: the order a server sends. */
export const chainInOrder = (pki: Pki): CertFile[] => [pki.leaf.cert, pki.intermediate.cert, pki.root.cert];
/** Root, leaf, intermediate: a bundle as some CAs' download pages hand it out. */
export const chainOutOfOrder = (pki: Pki): CertFile[] => [pki.root.cert, pki.leaf.cert, pki.intermediate.cert];
/** Leaf and root without the intermediate. */
export const chainMissingIntermediate = (pki: Pki): CertFile[] => [pki.leaf.cert, pki.root.cert];

/** Concatenates the PEM of `certs` in the given order (any order, any subset) into `dir/fileName`; returns the path. */
export function writePemBundle(dir: string, fileName: string, certs: readonly CertFile[]): string {
  const path = join(dir, fileName);
  writeFileSync(path, certs.map((c) => c.pem.trimEnd() + '\n').join(''));
  return path;
}

/** Writes `cert` as DER (`openssl x509 -outform DER`) to `dir/fileName`; returns the path. */
export function writeDer(dir: string, fileName: string, cert: CertFile): string {
  const path = join(dir, fileName);
  openssl(dir, ['x509', '-in', cert.path, '-outform', 'DER', '-out', path]);
  return path;
}

/** Writes `certs` as a PKCS#7 certs-only bundle (`openssl crl2pkcs7 -nocrl`), PEM or DER, to `dir/fileName`. */
export function writePkcs7(dir: string, fileName: string, certs: readonly CertFile[], form: 'pem' | 'der' = 'pem'): string {
  const path = join(dir, fileName);
  openssl(dir, ['crl2pkcs7', '-nocrl', ...certs.flatMap((c) => ['-certfile', c.path]), '-outform', form.toUpperCase(), '-out', path]);
  return path;
}

/**
 * `aes-256`: OpenSSL 3 defaults (PBES2/PBKDF2/AES-256-CBC, SHA-256 MAC). `legacy`: `-legacy`
 * (certs RC2-40, key 3DES, SHA-1 MAC; reading it needs `-legacy` too). `3des`: 3DES for both, SHA-1 MAC.
 */
export type Pkcs12Encryption = 'aes-256' | 'legacy' | '3des';

export interface Pkcs12Options {
  cert: CertFile;
  key: KeyFile;
  /** Further certificates after the leaf (e.g. intermediate, root); default none. */
  chain?: readonly CertFile[];
  /** May be empty; passed through a 0600 file, never argv. */
  passphrase: string;
  encryption?: Pkcs12Encryption;
  /** The bag's friendlyName (`-name`); default none. */
  friendlyName?: string;
}

const PKCS12_FLAGS: Record<Pkcs12Encryption, string[]> = {
  'aes-256': [],
  legacy: ['-legacy'],
  '3des': ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
};

/** Writes a PKCS#12 (`openssl pkcs12 -export`) of key, cert and optional chain to `dir/fileName`; returns the path. */
export function writePkcs12(dir: string, fileName: string, options: Pkcs12Options): string {
  const path = join(dir, fileName);
  withScratch((scratch) => {
    const pass = writePassphraseFile(scratch, 'pass.txt', options.passphrase);
    const chain = options.chain?.length ? ['-certfile', writePemBundle(scratch, 'chain.pem', options.chain)] : [];
    const name = options.friendlyName === undefined ? [] : ['-name', options.friendlyName];
    openssl(dir, ['pkcs12', '-export', '-inkey', options.key.path, '-in', options.cert.path, ...chain, ...name,
      ...PKCS12_FLAGS[options.encryption ?? 'aes-256'], '-passout', `file:${pass}`, '-out', path]);
  });
  return path;
}

/**
 * `pkcs8`: `BEGIN PRIVATE KEY`. `pkcs8-encrypted`: `BEGIN ENCRYPTED PRIVATE KEY`, PBES2 AES-256-CBC.
 * `traditional`: `BEGIN RSA/EC PRIVATE KEY`. `traditional-encrypted`: the same with `Proc-Type` and
 * `DEK-Info: AES-256-CBC` headers. `der`: unencrypted PKCS#8 DER.
 */
export type KeyForm = 'pkcs8' | 'pkcs8-encrypted' | 'traditional' | 'traditional-encrypted' | 'der';

/** Writes `key` in `form` to `dir/fileName` (encrypted forms need `passphrase`, via a 0600 file); returns the path. */
export function writeKey(dir: string, fileName: string, key: KeyFile, form: KeyForm, passphrase?: string): string {
  const path = join(dir, fileName);
  const encrypted = form === 'pkcs8-encrypted' || form === 'traditional-encrypted';
  if (encrypted !== (passphrase !== undefined)) throw new Error(`key form ${form} ${encrypted ? 'needs' : 'takes no'} passphrase`);
  withScratch((scratch) => {
    const passout = passphrase === undefined ? [] : ['-passout', `file:${writePassphraseFile(scratch, 'pass.txt', passphrase)}`];
    const args: Record<KeyForm, string[]> = {
      pkcs8: ['pkey'],
      der: ['pkey', '-outform', 'DER'],
      'pkcs8-encrypted': ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA256'],
      traditional: ['pkey', '-traditional'],
      'traditional-encrypted': ['pkey', '-traditional', '-aes256'],
    };
    openssl(dir, [...args[form], '-in', key.path, ...passout, '-out', path]);
  });
  chmodSync(path, 0o600);
  return path;
}
