import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { createServices } from '../../src/main/services.ts';
import { tempDir } from '../helpers/temp.ts';

const CATALOG = {
  packages: [
    { name: 'BeyondTrust 12.2.0', kind: 'site', version: '12.2.0' },
    { name: 'BeyondTrust 13.0.0', kind: 'site', version: '13.0.0', upgradesFrom: '>=12.2.0' },
    { name: 'Base Software 3.10.0', kind: 'base', version: '3.10.0' },
    { name: 'Base Software 3.9.0', kind: 'base', version: '3.9.0' },
  ],
};

function setup(answer: string | null) {
  const dir = tempDir();
  const services = createServices({ dataDir: dir, dialog: { openFile: async () => answer } });
  const dispatch = createDispatcher(createHandlerTable(services), { isTrustedSender: () => true });
  return { dir, services, call: (channel: string, args: unknown = {}) => dispatch({ id: '1', url: 'x' }, channel, args) };
}

describe('plan channels', () => {
  it('open a catalog chosen in the dialog and list its versions in numeric order', async () => {
    const file = join(tempDir(), 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    const { call } = setup(file);
    const opened = await call('plan:openCatalog');
    expect(opened).toMatchObject({ ok: true, value: { name: 'catalog.json', packageCount: 4, siteVersions: ['12.2.0', '13.0.0'], baseVersions: ['3.9.0', '3.10.0'] } });
  });

  it('answer a cancelled dialog with null', async () => {
    expect(await setup(null).call('plan:openCatalog')).toEqual({ ok: true, value: null });
  });

  it('plan against the opened catalog with defaults filled in', async () => {
    const file = join(tempDir(), 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    const { call } = setup(file);
    const opened = await call('plan:openCatalog') as { ok: true; value: { catalogId: string } };
    const planned = await call('plan:compute', { catalogId: opened.value.catalogId, base: '3.2.4', site: '12.0.0', target: 'latest' });
    expect(planned).toMatchObject({ ok: true, value: { reachable: true, steps: [{ version: '12.2.0', waitAfterHours: 24 }, { version: '13.0.0', waitAfterHours: 0 }] } });
  });

  it('refuse a version that is not one, and a catalog id never opened', async () => {
    const { call } = setup(null);
    expect(await call('plan:compute', { catalogId: crypto.randomUUID(), base: 'three', site: '12.0.0', target: 'latest' }))
      .toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(await call('plan:compute', { catalogId: crypto.randomUUID(), base: '3.2.4', site: '12.0.0', target: 'latest' }))
      .toMatchObject({ ok: false, error: { code: 'HANDLE_UNKNOWN' } });
  });
});
