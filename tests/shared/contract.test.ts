import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFerryApi } from '../../src/shared/bridge.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/channels.ts';
import { events, invoke } from '../../src/shared/contract.ts';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/shared/errors.ts';
import de from '../../src/renderer/src/i18n/de.json';
import en from '../../src/renderer/src/i18n/en.json';

const flat = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('contract', () => {
  it('names every channel domain:verb and lists exactly the channels that have schemas', () => {
    expect(Object.keys(invoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const c of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('builds window.ferry with one named function per channel that calls the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createFerryApi({
      invoke: async (channel, args) => { calls.push([channel, args]); return { ok: true, value: null }; },
      subscribe: () => () => undefined,
    });
    await api.station.show();
    await api.jobs.cancel({ jobId: '00000000-0000-4000-8000-000000000000' });
    expect(calls).toEqual([['station:show', {}], ['jobs:cancel', { jobId: '00000000-0000-4000-8000-000000000000' }]]);
    expect(Object.keys(api).sort()).toEqual(['app', 'audit', 'files', 'jobs', 'on', 'plan', 'settings', 'station']);
  });
});

describe('error codes', () => {
  it('contains every code DESIGN.md lists, each with German and English texts', () => {
    const design = readFileSync('../shared/DESIGN.md', 'utf8');
    const section = design.slice(design.indexOf('## Error codes'));
    const listed = [...section.matchAll(/`([A-Z][A-Z_]+)`/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(30);
    for (const code of listed) expect(ERROR_CODES, code).toContain(code);
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code];
      for (const text of [e.de.title, e.de.next, e.en.title, e.en.next]) expect(text.length, code).toBeGreaterThan(3);
    }
  });
});

describe('UI texts', () => {
  it('German and English have exactly the same keys', () => {
    expect(flat(de).sort()).toEqual(flat(en).sort());
  });
});
