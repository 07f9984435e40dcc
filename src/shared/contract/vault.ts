/** Contract of the `vault:` domain: verified package files, content-addressed, with their origin. */
import { z } from 'zod';
import { Sha256HexSchema } from './common.ts';

/** A package file in the vault: what it is, where it came from, when it was last verified. */
export const VaultPackageSchema = z.object({
  sha256: Sha256HexSchema,
  size: z.number().int().nonnegative(),
  name: z.string(),
  kind: z.enum(['base', 'site', 'license', 'other']),
  version: z.string(),
  requires: z.array(z.object({ component: z.string(), range: z.string() })),
  upgradesFrom: z.string().nullable(),
  fileName: z.string(),
  vendorSha256: z.string().nullable(),
  bundleId: z.string(),
  requestId: z.string(),
  /** Fingerprint of the station that signed the bundle. */
  signer: z.string(),
  importedAt: z.string(),
  verifiedAt: z.string(),
});

/** The vault channels; re-verifying and exporting are jobs (`vault-verify`, `vault-export`). */
export const vaultInvoke = {
  'vault:list': {
    input: z.object({}).strict(),
    output: z.object({ packages: z.array(VaultPackageSchema), freeBytes: z.number().nonnegative(), totalBytes: z.number().nonnegative() }),
  },
  'vault:reverify': { input: z.object({ sha256: Sha256HexSchema }).strict(), output: z.object({ jobId: z.string().uuid() }) },
  /** Copies a package to a folder the person chose (for the browser upload on the appliance). */
  'vault:export': { input: z.object({ sha256: Sha256HexSchema, folder: z.string().uuid() }).strict(), output: z.object({ jobId: z.string().uuid() }) },
  /** Removes a package (the UI asks first; audited). */
  'vault:remove': { input: z.object({ sha256: Sha256HexSchema }).strict(), output: z.object({ removed: z.literal(true) }) },
} as const;
