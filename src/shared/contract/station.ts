/** Contract of the `station:` channels: this station's identity and the stations it trusts. */
import { z } from 'zod';
import { NoArgs, Sha256HexSchema } from './common.ts';

export const StationSchema = z.object({
  name: z.string(),
  fingerprint: Sha256HexSchema,
  publicKeyPem: z.string(),
  createdAt: z.string(),
  protection: z.enum(['safeStorage', 'file-key']),
});

/** A station this one trusts (the one shape for service, IPC and CLI). */
export const TrustedStationSchema = z.object({
  name: z.string(),
  fingerprint: Sha256HexSchema,
  trustedAt: z.string(),
  /** What the key came from: a PEM key, a request, or a bundle manifest the station signed. */
  source: z.enum(['pem', 'request', 'manifest']),
});

/** What trusting answers: the trusted station, and whether it was trusted already (then nothing changed but a new name). */
export const TrustResultSchema = TrustedStationSchema.extend({ alreadyTrusted: z.boolean() });

/** Where another station's key comes from: pasted text, or a file the person chose (a handle). */
export const KeySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(4 * 1024 * 1024) }).strict(),
  z.object({ kind: z.literal('file'), handle: z.string().uuid() }).strict(),
]);

/** What a key or request says about itself before it is trusted: never its fingerprint (the person types that). */
export const KeyPreviewSchema = z.object({
  /** The station name a request carries; null for a bare PEM key. */
  name: z.string().nullable(),
  source: z.enum(['pem', 'request', 'manifest']),
});

// Names are checked by the service (NAME_INVALID, a user mistake), not here (which would be a program error).
const NameText = z.string().max(10_000);
const FingerprintText = z.string().max(400);

/** The station channels. */
export const stationInvoke = {
  'station:show': { input: NoArgs, output: StationSchema },
  'station:rename': { input: z.object({ name: NameText }).strict(), output: StationSchema },
  'station:listTrusted': { input: NoArgs, output: z.array(TrustedStationSchema) },
  'station:previewKey': { input: z.object({ source: KeySourceSchema }).strict(), output: KeyPreviewSchema },
  'station:trust': {
    input: z.object({ source: KeySourceSchema, fingerprint: FingerprintText, name: NameText.optional() }).strict(),
    output: TrustResultSchema,
  },
  'station:renameTrusted': { input: z.object({ fingerprint: Sha256HexSchema, name: NameText }).strict(), output: TrustedStationSchema },
  'station:removeTrusted': { input: z.object({ fingerprint: Sha256HexSchema }).strict(), output: z.object({ removed: z.literal(true) }) },
} as const;
