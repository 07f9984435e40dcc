/**
 * Contract of the `cert:` domain: certificate material inspected before it travels and exported for
 * the new appliance. Passphrases cross only to be used at once; main never stores them.
 */
import { z } from 'zod';
import { Sha256HexSchema } from './common.ts';

const Handle = z.string().uuid();
/** A passphrase as typed (the service checks an export's length). */
const Passphrase = z.string().max(1024);

export const CertSeveritySchema = z.enum(['error', 'warning', 'info']);

/** A certificate of the chain, as the inspection shows it. */
export const ChainCertSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: z.string(),
  sha256: Sha256HexSchema,
  ca: z.boolean(),
  selfSigned: z.boolean(),
  subjectAltName: z.string().nullable(),
  signatureAlgorithm: z.string(),
  file: z.string(),
});

/** A finding: its stable code and severity, and the specifics (English; the UI shows the code's own texts). */
export const CertFindingSchema = z.object({
  code: z.string(),
  severity: CertSeveritySchema,
  message: z.string(),
  cert: Sha256HexSchema.optional(),
  host: z.string().optional(),
});

export const CertInspectionSchema = z.object({
  chain: z.array(ChainCertSchema),
  findings: z.array(CertFindingSchema),
  key: z.boolean(),
  unrelated: z.array(ChainCertSchema),
});

/** The certificate channels. */
export const certInvoke = {
  /** Reads the chosen files (file handles) and inspects them for `hosts`. */
  'cert:inspect': {
    input: z.object({ files: z.array(Handle).min(1).max(20), passphrase: Passphrase.optional(), hosts: z.array(z.string().trim().min(1).max(253)).max(200) }).strict(),
    output: CertInspectionSchema,
  },
  /** Exports the leaf, its key and the intermediates, ordered, to a save target: PKCS#12 (AES-256; `compat`: 3DES, RSA) or PEM. */
  'cert:export': {
    input: z.object({
      files: z.array(Handle).min(1).max(20), passphrase: Passphrase.optional(), outPassphrase: Passphrase,
      format: z.enum(['pkcs12', 'pem']), compat: z.boolean().default(false), saveTarget: Handle,
    }).strict(),
    output: z.object({ file: z.string(), sha256: Sha256HexSchema, certificates: z.number().int().nonnegative() }),
  },
  /** The same export written onto a medium (`FERRY/certificates/`) with a README in German and English beside it. */
  'cert:exportToMedium': {
    input: z.object({
      files: z.array(Handle).min(1).max(20), passphrase: Passphrase.optional(), outPassphrase: Passphrase,
      format: z.enum(['pkcs12', 'pem']), compat: z.boolean().default(false), medium: Handle,
    }).strict(),
    output: z.object({ file: z.string(), readme: z.string(), sha256: Sha256HexSchema, certificates: z.number().int().nonnegative() }),
  },
} as const;

export type CertInspection = z.output<typeof CertInspectionSchema>;
