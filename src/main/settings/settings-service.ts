/** User settings kept in the database: UI language and which side of the air gap this station is on. */
import { LanguageSchema, SideSchema, type Settings } from '../../shared/contract.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { transaction, type Database } from '../store/database.ts';

/** Reads and changes settings; every change is audited. */
export class SettingsService {
  private readonly db: Database;
  private readonly audit: AuditLog;

  constructor(db: Database, audit: AuditLog) {
    this.db = db;
    this.audit = audit;
  }

  private read(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Current settings; unset values are null. */
  get(): Settings {
    const language = LanguageSchema.safeParse(this.read('language'));
    const side = SideSchema.safeParse(this.read('side'));
    return { language: language.success ? language.data : null, side: side.success ? side.data : null };
  }

  /** Changes the given settings; unchanged values write no audit entry. */
  set(changes: Partial<Settings>): Settings {
    return transaction(this.db, () => {
      const before = this.get();
      for (const key of ['language', 'side'] as const) {
        const value = changes[key];
        if (value === undefined || value === null || value === before[key]) continue;
        this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
        this.audit.append({ actor: 'user', action: `settings.${key}`, subject: key, details: { from: before[key], to: value } });
      }
      return this.get();
    });
  }
}
