/**
 * File formats that cross the air gap (DESIGN: Formats). Everything read from a medium is parsed with
 * these schemas before Ferry acts on it.
 */
import { z } from 'zod';
import { isHostname } from './hostname.ts';
import { parseInstant } from './instant.ts';
import { normalizeName } from './names.ts';
import { isVersion } from './versions.ts';

/** Payload type of a Ferry request inside its DSSE envelope. */
export const REQUEST_PAYLOAD_TYPE = 'application/vnd.ferry.request+json';
/** Payload type of a bundle manifest inside its DSSE envelope. */
export const BUNDLE_PAYLOAD_TYPE = 'application/vnd.ferry.bundle+json';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected');

/** A DSSE envelope (in-toto / Sigstore): payload base64, signatures over PAE(payloadType, payload). */
export const DsseEnvelopeSchema = z.object({
  payloadType: z.string().min(1),
  payload: base64,
  signatures: z.array(z.object({ keyid: z.string(), sig: base64 })).min(1),
});

/** Payload type of a station's signed audit head (DESIGN: Storage, the anchored log). */
export const AUDIT_HEAD_PAYLOAD_TYPE = 'application/vnd.ferry.audit-head+json';
/** Payload type of a file listing the heads one station recorded of others' logs (`audit witnesses`). */
export const AUDIT_WITNESSES_PAYLOAD_TYPE = 'application/vnd.ferry.witness+json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The head of a station's audit chain: its last entry's number and hash, and when it was written. */
export const AuditHeadSchema = z.object({
  format: z.literal(1),
  /** Fingerprint of the station whose log this is (the signer). */
  station: sha256Hex,
  seq: z.number().int().positive(),
  hash: sha256Hex,
  at: z.string().max(40),
}).strict();

/** One head a station recorded of another station's log, with the envelope its owner signed. */
export const WitnessedHeadSchema = AuditHeadSchema.omit({ format: true }).extend({
  recordedAt: z.string().max(40),
  /** Where it came from, e.g. "request <uuid>". */
  source: z.string().max(200),
  signed: DsseEnvelopeSchema,
}).strict();

/** The payload of a witness file: every head the writing station recorded. */
export const WitnessFileSchema = z.object({
  format: z.literal(1),
  station: z.object({ name: z.string(), fingerprint: sha256Hex }).strict(),
  writtenAt: z.string().max(40),
  heads: z.array(WitnessedHeadSchema),
}).strict();

/** The signing station as named inside requests and manifests. */
export const StationRefSchema = z.object({
  name: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: base64,
});

/** A name as every name is checked (NFC, no control or format characters, at most 80 characters). */
const checkedName = z.string().refine((n) => {
  try {
    return normalizeName(n) === n;
  } catch {
    return false;
  }
}, 'not an acceptable name (NFC, no control characters, at most 80 characters)');
const instant = z.string().max(40).refine((t) => parseInstant(t) !== null, 'not an ISO-8601 time with a zone');
const version = z.string().max(64).refine(isVersion, 'not a version');

/**
 * A request from the restricted side (format 1). It is signed by a trusted station, and still
 * untrusted input to the connected side's screen and terminal: every field has its shape.
 */
export const RequestSchema = z.object({
  format: z.literal(1),
  id: z.string().uuid(),
  createdAt: instant,
  station: StationRefSchema,
  site: z.string().max(253).refine(isHostname, 'not a host name'),
  appliances: z.array(z.object({
    id: z.string().uuid(),
    name: checkedName,
    role: z.enum(['standalone', 'primary', 'backup', 'master', 'traffic']),
    hostname: z.string().max(253).refine(isHostname, 'not a host name'),
    base: version,
    siteVersion: version,
    /** Empty when none was captured; otherwise printable ASCII without spaces (its shape, see download-key.ts). */
    downloadKey: z.string().regex(/^[\x21-\x7e]{0,4096}$/),
    keyCapturedAt: z.union([z.literal(''), instant]),
  })).max(1000),
  target: z.object({ siteVersion: z.union([z.literal('latest'), version]), base: version.optional() }),
  have: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000),
  /** The signer's audit head when the request was written (a signed AuditHead), for the receiver to witness. */
  auditHead: DsseEnvelopeSchema.optional(),
});

export type DsseEnvelope = z.output<typeof DsseEnvelopeSchema>;
export type StationRef = z.output<typeof StationRefSchema>;
export type FerryRequest = z.output<typeof RequestSchema>;
export type AuditHead = z.output<typeof AuditHeadSchema>;
export type WitnessedHead = z.output<typeof WitnessedHeadSchema>;
export type WitnessFile = z.output<typeof WitnessFileSchema>;

/** Largest size a package or part may claim (1 TiB): far beyond any appliance package, well inside exact integers. */
const MAX_FILE_BYTES = 2 ** 40;
const byteCount = z.number().int().nonnegative().max(MAX_FILE_BYTES);

/** One part of a package file that was split because the medium could not hold it whole. */
export const BundlePartSchema = z.object({ file: z.string().min(1).max(1024), size: byteCount, sha256: sha256Hex }).strict();

/** One package in a bundle manifest: a catalog entry plus where its bytes are and what they hash to. */
export const BundlePackageSchema = z.looseObject({
  name: z.string().min(1).max(200),
  kind: z.enum(['base', 'site', 'license', 'other']),
  version: z.string().min(1).max(64),
  requires: z.array(z.object({ component: z.string().min(1), range: z.string().min(1) })).optional(),
  upgradesFrom: z.string().optional(),
  file: z.string().min(1).max(1024),
  size: byteCount,
  sha256: sha256Hex,
  parts: z.array(BundlePartSchema).min(1).max(4096).optional(),
  vendorSha256: sha256Hex.optional(),
});

/** A bundle manifest (format 1), the signed payload of `manifest.dsse.json`. */
export const BundleManifestSchema = z.object({
  format: z.literal(1),
  id: z.string().uuid(),
  sequence: z.number().int().positive(),
  createdAt: z.string().max(40),
  expiresAt: z.string().max(40),
  inReplyTo: z.string().uuid(),
  station: StationRefSchema,
  packages: z.array(BundlePackageSchema).max(10_000),
  /** The signer's audit head when the bundle was written (a signed AuditHead), for the receiver to witness. */
  auditHead: DsseEnvelopeSchema.optional(),
});

export type BundlePart = z.output<typeof BundlePartSchema>;
export type BundlePackage = z.output<typeof BundlePackageSchema>;
export type BundleManifest = z.output<typeof BundleManifestSchema>;
