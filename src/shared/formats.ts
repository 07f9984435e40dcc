/**
 * File formats that cross the air gap (DESIGN: Formats). Everything read from a medium is parsed with
 * these schemas before Ferry acts on it.
 */
import { z } from 'zod';

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

/** The signing station as named inside requests and manifests. */
export const StationRefSchema = z.object({
  name: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: base64,
});

/** A request from the restricted side (format 1). */
export const RequestSchema = z.object({
  format: z.literal(1),
  id: z.string().uuid(),
  createdAt: z.string(),
  station: StationRefSchema,
  site: z.string(),
  appliances: z.array(z.object({
    id: z.string().uuid(),
    name: z.string(),
    role: z.string(),
    hostname: z.string(),
    base: z.string(),
    siteVersion: z.string(),
    downloadKey: z.string(),
    keyCapturedAt: z.string(),
  })),
  target: z.object({ siteVersion: z.string(), base: z.string().optional() }),
  have: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});

export type DsseEnvelope = z.output<typeof DsseEnvelopeSchema>;
export type StationRef = z.output<typeof StationRefSchema>;
export type FerryRequest = z.output<typeof RequestSchema>;
