/**
 * The transfer domain's front: requests (restricted side writes, connected side opens), bundles
 * (connected side writes, restricted side verifies and imports). The work itself lives in
 * request-service.ts, bundle-create.ts and bundle-receive.ts; this wires their dependencies once.
 */
import type { Package } from '../../shared/packages.ts';
import { createBundle, type CreateBundleInput, type CreateDeps, type CreatedBundle, type CreateProgress } from './bundle-create.ts';
import { importBundle, verifyBundle, type BundleProgress, type BundleReport, type ImportReport, type ReceiveDeps } from './bundle-receive.ts';

export type { Package };

/** Everything bundles need: what writing needs and what receiving needs. */
export type BundleDeps = CreateDeps & ReceiveDeps;

/** Writes, verifies and imports bundles. */
export class BundleService {
  private readonly deps: BundleDeps;

  constructor(deps: BundleDeps) {
    this.deps = deps;
  }

  /** Writes a bundle answering a trusted station's request (connected side). */
  create(input: CreateBundleInput, signal: AbortSignal, progress?: CreateProgress): Promise<CreatedBundle> {
    return createBundle(this.deps, input, signal, progress);
  }

  /** Every check and every byte, as of `at`; writes nothing. */
  verify(dir: string, at: Date | undefined, signal: AbortSignal, progress?: BundleProgress): Promise<BundleReport> {
    return verifyBundle(this.deps, dir, at ?? this.deps.now(), signal, progress);
  }

  /** Verifies while copying into the vault; all packages or none. */
  import(dir: string, signal: AbortSignal, progress?: BundleProgress): Promise<ImportReport> {
    return importBundle(this.deps, dir, signal, progress);
  }
}
