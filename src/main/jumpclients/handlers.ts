/**
 * Handlers of the `jumpclients:` channels. A mapping the person gives is remembered (settings table,
 * keyed by the list's header row) and applied to the next list with the same headers.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';
import type { ColumnMapping } from '../../shared/jumpclients/columns.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';
import { checkJumpClients, type CheckResult } from './jumpclient-check.ts';
import { stragglersCsv } from './stragglers-csv.ts';

const keyOf = (headers: readonly string[]) => `jumpclients.mapping:${createHash('sha256').update(JSON.stringify(headers)).digest('hex').slice(0, 32)}`;

function remembered(s: Services, headers: readonly string[]): Partial<ColumnMapping> | undefined {
  const row = s.db.prepare('SELECT value FROM settings WHERE key = ?').get(keyOf(headers)) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as Partial<ColumnMapping>;
  } catch {
    return undefined;
  }
}

function remember(s: Services, headers: readonly string[], mapping: Partial<ColumnMapping>): void {
  s.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(keyOf(headers), JSON.stringify(mapping));
}

async function check(s: Services, file: string, sinceText: string, mapping: Partial<ColumnMapping> | undefined): Promise<CheckResult> {
  const since = parseInstant(sinceText);
  if (since === null) throw new FerryError('USAGE', 'The upgrade time is not an ISO-8601 time with a zone', { field: 'since' });
  const path = s.files.resolve(file, 'file');
  if (mapping !== undefined) {
    const result = await checkJumpClients(path, since, { mapping });
    remember(s, result.headers, mapping);
    return result;
  }
  // First as recognised; a list whose headers the person mapped before gets that mapping again.
  try {
    const first = await checkJumpClients(path, since);
    const known = remembered(s, first.headers);
    return known ? await checkJumpClients(path, since, { mapping: known }) : first;
  } catch (error) {
    const headers = error instanceof FerryError ? (error.details?.headers as string[] | undefined) : undefined;
    const known = headers ? remembered(s, headers) : undefined;
    if (!known) throw error;
    return checkJumpClients(path, since, { mapping: known });
  }
}

export function setupJumpClientHandlers(s: Services): DomainHandlers<'jumpclients'> {
  return {
    'jumpclients:check': ({ file, since, mapping }) => check(s, file, since, mapping),
    'jumpclients:saveStragglers': async ({ file, since, mapping, language, saveTarget }) => {
      const result = await check(s, file, since, mapping);
      const path = s.files.resolve(saveTarget, 'save-target');
      writeFileAtomic(path, stragglersCsv(result.notUpgraded, language));
      return { file: basename(path), count: result.notUpgraded.length };
    },
  };
}
