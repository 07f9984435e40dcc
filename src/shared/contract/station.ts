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
  source: z.enum(['pem', 'request']),
});

/** The station channels. */
export const stationInvoke = {
  'station:show': { input: NoArgs, output: StationSchema },
  'station:rename': { input: z.object({ name: z.string().max(10_000) }).strict(), output: StationSchema },
  'station:listTrusted': { input: NoArgs, output: z.array(TrustedStationSchema) },
} as const;
