import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { createServices } from '../../src/main/services.ts';
import { PlanRequestSchema } from '../../src/shared/contract.ts';
import { tempDir } from '../helpers/temp.ts';

const CATALOG = {
  packages: [
    { name: 'BeyondTrust 12.2.0', kind: 'site', version: '12.2.0' },
    { name: 'BeyondTrust 13.0.0', kind: 'site', version: '13.0.0', upgradesFrom: '>=12.2.0', requires: [{ component: 'base', range: '>=3.10.0' }] },
    { name: 'Base Software 3.10.0', kind: 'base', version: '3.10.0' },
  ],
};

describe('plan:compute in the app and harness', () => {
  it('plans on the job worker: the main event loop keeps turning, and the answer equals planning inline', async () => {
    const file = join(tempDir(), 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    const services = createServices({ dataDir: tempDir(), dialog: { openFile: async () => file } });
    const dispatch = createDispatcher(createHandlerTable(services), { isTrustedSender: () => true });
    const call = (channel: string, args: unknown = {}) => dispatch({ id: '1', url: 'x' }, channel, args);
    try {
      const opened = await call('plan:openCatalog') as { ok: true; value: { catalogId: string } };
      const request = { catalogId: opened.value.catalogId, base: '3.9.0', site: '12.2.0', target: 'latest' };
      // Planning on this thread would block it for the whole call: not one timer tick could run.
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 1);
      const answer = await call('plan:compute', request);
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(2);
      expect(answer).toMatchObject({ ok: true, value: { reachable: true, steps: [{ version: '3.10.0' }, { version: '13.0.0' }] } });
      const inline = services.plans.compute(PlanRequestSchema.parse(request));
      expect((answer as { value: unknown }).value).toEqual(JSON.parse(JSON.stringify(inline)));
    } finally {
      await services.close();
    }
  });

  it('answers an unreachable target as a plan, and a catalog no longer open as HANDLE_UNKNOWN', async () => {
    const file = join(tempDir(), 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    const services = createServices({ dataDir: tempDir(), dialog: { openFile: async () => file } });
    const dispatch = createDispatcher(createHandlerTable(services), { isTrustedSender: () => true });
    try {
      const opened = await dispatch({ id: '1', url: 'x' }, 'plan:openCatalog', {}) as { ok: true; value: { catalogId: string } };
      const answer = await dispatch({ id: '1', url: 'x' }, 'plan:compute', { catalogId: opened.value.catalogId, base: '3.9.0', site: '12.2.0', target: '99.0.0' });
      expect(answer).toMatchObject({ ok: true, value: { reachable: false } });
      const unknown = await dispatch({ id: '1', url: 'x' }, 'plan:compute', { catalogId: crypto.randomUUID(), base: '3.9.0', site: '12.2.0', target: 'latest' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'HANDLE_UNKNOWN' } });
    } finally {
      await services.close();
    }
  });
});
