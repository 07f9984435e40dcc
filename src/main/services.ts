/**
 * The composition root shared by the Electron shell, the CLI and the e2e harness: opens the data
 * directory and wires the services. Nothing here imports `electron`; the shell passes in what only
 * Electron has (safeStorage, dialogs, the window's event sink).
 */
import { AuditLog } from './audit/audit-log.ts';
import type { DialogProvider } from './files/file-handles.ts';
import { FileHandles } from './files/file-handles.ts';
import { JobManager, type EmitEvent } from './jobs/job-manager.ts';
import { PlanService } from './plans/plan-service.ts';
import { SettingsService } from './settings/settings-service.ts';
import { FileKeyProtector, type SecretProtector } from './stations/secret-protector.ts';
import { StationService } from './stations/station-service.ts';
import { openDatabase, type Database } from './store/database.ts';

export interface ServiceOptions {
  dataDir: string;
  /** Seals new secrets; defaults to the 0600 file key in the data directory. */
  protector?: SecretProtector;
  emit?: EmitEvent;
  dialog?: DialogProvider;
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

const noDialog: DialogProvider = { openFile: async () => null };

/** Opens the data directory and creates the services over it. */
export function createServices(options: ServiceOptions): Services {
  const db = openDatabase(options.dataDir);
  const audit = new AuditLog(db, options.now);
  const fileKey = new FileKeyProtector(options.dataDir);
  const protector = options.protector ?? fileKey;
  const stations = new StationService({
    db,
    audit,
    protector,
    otherProtectors: protector === fileKey ? [] : [fileKey],
    ...(options.now ? { now: options.now } : {}),
  });
  const jobs = new JobManager(options.emit ?? (() => undefined));
  return {
    dataDir: options.dataDir,
    db,
    audit,
    stations,
    settings: new SettingsService(db, audit),
    jobs,
    files: new FileHandles(),
    plans: new PlanService(),
    dialog: options.dialog ?? noDialog,
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
