/**
 * The composition root shared by the Electron shell, the CLI and the e2e harness: opens the data
 * directory and wires the services. Nothing here imports `electron`; the shell passes in what only
 * Electron has (safeStorage, dialogs, the window's event sink).
 */
import { createPublicKey } from 'node:crypto';
import type { AuditSigner } from './audit/audit-head.ts';
import { AuditLog } from './audit/audit-log.ts';
import { WitnessStore } from './audit/witnesses.ts';
import { withDefaultDialogs, type DialogProvider } from './files/dialog-provider.ts';
import { FileHandles } from './files/file-handles.ts';
import { JobManager, type EmitEvent } from './jobs/job-manager.ts';
import { PlanService } from './plans/plan-service.ts';
import { SettingsService } from './settings/settings-service.ts';
import { FileKeyProtector, type SecretProtector } from './stations/secret-protector.ts';
import { StationService } from './stations/station-service.ts';
import { openDatabase, type Database } from './store/database.ts';

export interface ServiceOptions {
  dataDir: string;
  /**
   * Create a missing data directory and database (default true: the app and the harness on first
   * run). The CLI passes false for every command but `station init` (cli/run.ts).
   */
  create?: boolean;
  /** How long to wait for another Ferry process's lock before DATA_DIR_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  /** Seals new secrets; defaults to the 0600 file key in the data directory. */
  protector?: SecretProtector;
  emit?: EmitEvent;
  /** The dialogs the caller can show; those missing answer "cancelled". */
  dialog?: Partial<DialogProvider>;
  now?: () => Date;
  version?: string;
  systemLocale?: string;
  transport?: 'electron' | 'harness';
}

/** Everything a handler or CLI command may call. */
export interface Services {
  dataDir: string;
  db: Database;
  audit: AuditLog;
  /** Heads of other stations' logs this station recorded (requests, bundles). */
  witnesses: WitnessStore;
  stations: StationService;
  settings: SettingsService;
  jobs: JobManager;
  files: FileHandles;
  plans: PlanService;
  dialog: DialogProvider;
  protector: SecretProtector;
  version: string;
  systemLocale: string;
  transport: 'electron' | 'harness';
  close(): Promise<void>;
}


/** Opens the data directory and creates the services over it. */
export function createServices(options: ServiceOptions): Services {
  const db = openDatabase(options.dataDir, {
    create: options.create ?? true,
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  // The audit log signs each head with the station key; the station service is created just below.
  const signer: AuditSigner = {
    identity: () => {
      if (!stations.exists()) return null;
      const station = stations.show();
      return { fingerprint: station.fingerprint, publicKey: createPublicKey(station.publicKeyPem) };
    },
    privateKey: () => stations.privateKey(),
  };
  const audit = new AuditLog(db, options.now, signer);
  const witnesses = new WitnessStore(db, options.now);
  const fileKey = new FileKeyProtector(options.dataDir);
  const protector = options.protector ?? fileKey;
  const stations = new StationService({
    db,
    audit,
    protector,
    otherProtectors: protector === fileKey ? [] : [fileKey],
    witnesses,
    ...(options.now ? { now: options.now } : {}),
  });
  anchorLegacyHead(audit);
  const jobs = new JobManager(options.emit ?? (() => undefined));
  return {
    dataDir: options.dataDir,
    db,
    audit,
    witnesses,
    stations,
    settings: new SettingsService(db, audit),
    jobs,
    files: new FileHandles(),
    plans: new PlanService(),
    dialog: withDefaultDialogs(options.dialog),
    protector,
    version: options.version ?? '0.0.0',
    systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    transport: options.transport ?? 'harness',
    async close() {
      await jobs.cancelAll();
      db.close();
    },
  };
}

/**
 * Anchors a log from before signed heads (schema 1) with an `audit.anchored` entry, when this process
 * can use the station key; otherwise a later one will (until then `audit verify` says so).
 */
function anchorLegacyHead(audit: AuditLog): void {
  try {
    audit.anchorLegacyHead();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SECRET_UNAVAILABLE' && code !== 'SECRET_KEY_EXPOSED' && code !== 'DATA_DIR_BUSY') throw error;
  }
}
