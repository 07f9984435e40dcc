/**
 * Every kind of long work in one table: its phases in the order they run, each phase's weight in the
 * one overall progress figure, and the schema of the result it ends with. Main validates results
 * against it and the renderer narrows on `kind`, so nobody duck-types a result.
 */
import { z } from 'zod';
import { Sha256HexSchema } from './common.ts';
import { BundleReportSchema, CreatedBundleSchema, ImportReportSchema } from './transfer.ts';
import { VaultPackageSchema } from './vault.ts';

interface JobKindDefinition<P extends string, R extends z.ZodType> {
  phases: readonly [P, ...P[]];
  /** Relative share of each phase in the overall figure (any positive scale). */
  weights: Readonly<Record<P, number>>;
  result: R;
}

// The generic ties the weights' keys to the phases: a phase without a weight does not compile.
const define = <const P extends string, R extends z.ZodType>(d: JobKindDefinition<P, R>) => d;

const ByteCount = z.number().int().nonnegative();

/** The phases, weights and result of every job kind. */
export const JOB_KINDS = {
  /** SHA-256 of a file the person chose. */
  'hash-file': define({
    phases: ['hashing'],
    weights: { hashing: 1 },
    result: z.object({ sha256: Sha256HexSchema, size: ByteCount }).strict(),
  }),
  /**
   * Copy a file into a folder while hashing it (one read pass over slow media): write a temp file
   * there, fsync it, rename it only when complete. Syncing is short when the destination is a
   * local disk (the vault import), so it weighs little.
   */
  'copy-verify': define({
    phases: ['copying', 'syncing'],
    weights: { copying: 19, syncing: 1 },
    result: z.object({ sha256: Sha256HexSchema, size: ByteCount, name: z.string().min(1) }).strict(),
  }),
  /**
   * Write a bundle: hash the downloads (local disk, quick), write them to the medium (slow: a USB
   * stick), read every piece back from it.
   */
  'bundle-create': define({
    phases: ['hashing', 'writing', 'reading-back'],
    weights: { hashing: 2, writing: 10, 'reading-back': 3 },
    result: CreatedBundleSchema,
  }),
  /** Verify a bundle: every check, every byte read and hashed; nothing written. */
  'bundle-verify': define({
    phases: ['verifying'],
    weights: { verifying: 1 },
    result: BundleReportSchema,
  }),
  /** Import a bundle: read each package once while copying into staging, then into the vault. */
  'bundle-import': define({
    phases: ['verifying', 'syncing'],
    weights: { verifying: 19, syncing: 1 },
    result: ImportReportSchema,
  }),
  /** Read a vault package again and compare it with its hash. */
  'vault-verify': define({
    phases: ['verifying'],
    weights: { verifying: 1 },
    result: VaultPackageSchema,
  }),
  /** Copy a vault package to a folder (for the upload on the appliance), checked while copying. */
  'vault-export': define({
    phases: ['copying', 'syncing'],
    weights: { copying: 19, syncing: 1 },
    result: z.object({ sha256: Sha256HexSchema, size: ByteCount, name: z.string().min(1) }).strict(),
  }),
  /** Copy a file into the vault as evidence of a runbook step (the settings backup), hashed on the way. */
  'evidence-import': define({
    phases: ['copying', 'syncing'],
    weights: { copying: 19, syncing: 1 },
    result: z.object({ sha256: Sha256HexSchema, size: ByteCount, name: z.string().min(1) }).strict(),
  }),
  /** The settings backup through the appliance link: downloaded into a private staging folder, then hashed into the vault. */
  'link-backup': define({
    phases: ['downloading', 'copying', 'syncing'],
    weights: { downloading: 10, copying: 9, syncing: 1 },
    result: z.object({ sha256: Sha256HexSchema, size: ByteCount, name: z.string().min(1) }).strict(),
  }),
} as const;

/** A kind of job. */
export type JobKind = keyof typeof JOB_KINDS;
/** The phases a kind of job goes through. */
export type JobPhase<K extends JobKind = JobKind> = (typeof JOB_KINDS)[K]['phases'][number];
/** What a job of a kind ends with. */
export type JobResult<K extends JobKind> = z.output<(typeof JOB_KINDS)[K]['result']>;

/** The kind names, for `z.enum`. */
export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as [JobKind, ...JobKind[]];

/**
 * The overall figure (0…1) of a job of `kind` that is `done` of `total` into `phase`: the weights of
 * the phases before it, plus its own weight times its fraction.
 */
export function overallProgress<K extends JobKind>(kind: K, phase: JobPhase<K>, done: number, total: number): number {
  const { phases, weights } = JOB_KINDS[kind] as JobKindDefinition<JobPhase<K>, z.ZodType>;
  const index = phases.indexOf(phase);
  if (index < 0) throw new Error(`Job kind ${kind} has no phase ${phase}`);
  const sum = phases.reduce((acc, p) => acc + weights[p], 0);
  const before = phases.slice(0, index).reduce((acc, p) => acc + weights[p], 0);
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return (before + weights[phase] * fraction) / sum;
}
