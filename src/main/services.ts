/**
 * The composition root shared by the Electron shell, the CLI and the e2e harness: opens the data
 * directory and wires the services. Nothing here imports `electron`; the shell passes in what only
 * Electron has (safeStorage, dialogs, the window's event sink).
 */
import { createPublicKey } from 'node:crypto';
import { FerryError } from '../shared/errors.ts';
import { LinkService } from './appliance-link/link-service.ts';
import { ApplianceService } from './appliances/appliance-service.ts';
import type { AuditSigner } from './audit/audit-head.ts';
import { AuditLog } from './audit/audit-log.ts';
import { WitnessStore } from './audit/witnesses.ts';
import { withDefaultDialogs, type DialogProvider } from './files/dialog-provider.ts';
import { FileHandles } from './files/file-handles.ts';
import { JobManager, type EmitEvent } from './jobs/job-manager.ts';
import { runInWorker } from './jobs/worker-client.ts';
import { runTask, type TaskRunner } from './jobs/worker-tasks.ts';
import { createVolumeProvider, type VolumeProvider } from './media/volume.ts';
import { PlanService } from './plans/plan-service.ts';
import { SettingsService } from './settings/settings-service.ts';
import { FileKeyProtector, type SecretProtector } from './stations/secret-protector.ts';
import { StationService } from './stations/station-service.ts';
import { openDatabase, type Database } from './store/database.ts';
import { SIGNED_HEADS_SCHEMA } from './store/migrations.ts';
import { BundleService } from './transfer/bundle-service.ts';
import { RequestService } from './transfer/request-service.ts';
import { chromiumPdfPrinter, type PdfPrinter } from './runbooks/pdf-printer.ts';
import { RunbookService } from './runbooks/runbook-service.ts';
import { sweepStaging } from './vault/vault-paths.ts';
import { VaultService } from './vault/vault-service.ts';

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
  /**
   * Where file work (hashing, copying, bundles) runs: on a worker thread (default: the app and the
   * harness, whose main thread serves the window) or in this thread (the CLI, which has nothing else to do).
   */
  tasks?: 'worker' | 'in-process';
  /** Media detection; tests and the harness pass folders that pretend to be sticks. */
  volumes?: VolumeProvider;
  version?: string;
  systemLocale?: string;
  transport?: 'electron' | 'harness';
  /** Prints a report to PDF: Electron's Chromium in the app, an installed Chromium elsewhere (default). */
  printPdf?: PdfPrinter;
  /** How long the appliance link waits for any answer (default 20 s). */
  linkTimeoutMs?: number;
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
  appliances: ApplianceService;
  /** The optional read-only link to each appliance's documented APIs. */
  links: LinkService;
  vault: VaultService;
  requests: RequestService;
  bundles: BundleService;
  runbooks: RunbookService;
  volumes: VolumeProvider;
  dialog: DialogProvider;
  protector: SecretProtector;
  version: string;
  systemLocale: string;
  transport: 'electron' | 'harness';
  printPdf: PdfPrinter;
  close(): Promise<void>;
}


/** Opens the data directory and creates the services over it. */
export function createServices(options: ServiceOptions): Services {
  const fileKey = new FileKeyProtector(options.dataDir);
  const protector = options.protector ?? fileKey;
  const wire = (db: Database) => wireStation(db, options, protector, fileKey);
  // An existing key file is read now, before any transaction holds the write lock (an upgrade's
  // anchor, an append); what is wrong with it is reported where the key is used.
  attempt(() => fileKey.preload(false));
  const db = openDatabase(options.dataDir, {
    create: options.create ?? true,
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
    onMigrated: (migrating, version) => {
      if (version === SIGNED_HEADS_SCHEMA) anchorAtUpgrade(wire(migrating).audit);
    },
  });
  const { audit, witnesses, stations } = wire(db);
  // The first station's key file is made before `station init` takes the lock, too.
  if (options.create !== false && protector === fileKey && !stations.exists()) attempt(() => fileKey.preload(true));
  const jobs = new JobManager(options.emit ?? (() => undefined));
  const now = options.now ?? (() => new Date());
  const run: TaskRunner = options.tasks === 'in-process'
    ? (task, signal, progress) => runTask(task, signal, progress as never) as never
    : (task, signal, progress) => runInWorker(task, { signal, onProgress: progress });
  const volumes = options.volumes ?? createVolumeProvider(process.platform, { dataDir: options.dataDir });
  const protectors = protector === fileKey ? [protector] : [protector, fileKey];
  const appliances = new ApplianceService(db, audit, protectors, now);
  const vault = new VaultService(options.dataDir, db, audit, run, now);
  // What an interrupted import left: temp files now, verified staged files once they are a week old.
  sweepStaging(options.dataDir, now());
  return {
    dataDir: options.dataDir,
    db,
    audit,
    witnesses,
    stations,
    settings: new SettingsService(db, audit),
    jobs,
    files: new FileHandles(options.dataDir),
    plans: new PlanService(),
    appliances,
    links: new LinkService({ dataDir: options.dataDir, db, audit, appliances, vault, protectors, now, ...(options.linkTimeoutMs !== undefined ? { timeoutMs: options.linkTimeoutMs } : {}) }),
    vault,
    requests: new RequestService({ db, audit, stations, appliances, vault, volumes, now }),
    bundles: new BundleService({ dataDir: options.dataDir, db, audit, stations, witnesses, vault, volumes, run, now }),
    runbooks: new RunbookService(db, audit, vault, now),
    volumes,
    dialog: withDefaultDialogs(options.dialog),
    protector,
    version: options.version ?? '0.0.0',
    systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    transport: options.transport ?? 'harness',
    printPdf: options.printPdf ?? chromiumPdfPrinter(),
    async close() {
      await jobs.cancelAll();
      db.close();
    },
  };
}

/** The audit log, witnesses and station service over one connection, the log signing with the station key. */
function wireStation(db: Database, options: ServiceOptions, protector: SecretProtector, fileKey: FileKeyProtector) {
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
  const stations = new StationService({
    db,
    audit,
    protector,
    otherProtectors: protector === fileKey ? [] : [fileKey],
    witnesses,
    ...(options.now ? { now: options.now } : {}),
  });
  return { audit, witnesses, stations };
}

/** Runs `fn` for its side effect now; a failure shows again, with its code, when the work needs it. */
function attempt(fn: () => void): void {
  try {
    fn();
  } catch {
    // Reported by the command that uses the key (or not at all, when none does).
  }
}

/**
 * Anchors a log from before signed heads: in the transaction that upgrades the database to schema
 * 2, and only there, an `audit.anchored` entry signs its head. A process that cannot open the station
 * key leaves the database at schema 1 (the upgrade rolls back) and says why; one that can upgrades it.
 */
function anchorAtUpgrade(audit: AuditLog): void {
  try {
    audit.anchorAtUpgrade(SIGNED_HEADS_SCHEMA);
  } catch (error) {
    if (!(error instanceof FerryError)) throw error;
    throw new FerryError(error.code, `This data directory was written by an older Ferry. Upgrading it signs its audit log with the station key, which did not open here: ${error.message}`, error.details);
  }
}
