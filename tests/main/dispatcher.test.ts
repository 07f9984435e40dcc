import { describe, expect, it } from 'vitest';
import { createDispatcher, type Sender } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { createServices } from '../../src/main/services.ts';
import { FerryError } from '../../src/shared/errors.ts';
import { tempDir } from '../helpers/temp.ts';

const trusted: Sender = { id: 'window-1', url: 'ferry://app/index.html' };

function setup(overrides: Partial<ReturnType<typeof createHandlerTable>> = {}) {
  const services = createServices({ dataDir: tempDir() });
  services.stations.ensure('Test station');
  const handlers = { ...createHandlerTable(services), ...overrides };
  const dispatch = createDispatcher(handlers, { isTrustedSender: (s) => s.id === trusted.id && s.url === trusted.url });
  return { services, dispatch };
}

describe('IPC dispatcher', () => {
  it('answers a valid call from the window with { ok: true, value }', async () => {
    const { dispatch, services } = setup();
    const result = await dispatch(trusted, 'station:show', {});
    expect(result).toEqual({ ok: true, value: services.stations.show() });
  });

  it('refuses arguments that fail the schema with IPC_INVALID_ARGUMENTS and runs nothing', async () => {
    const { dispatch, services } = setup();
    const result = await dispatch(trusted, 'settings:set', { side: 'moon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(services.settings.get().side).toBeNull();
    expect(await dispatch(trusted, 'settings:set', { side: 'connected', extra: 1 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
  });

  it('refuses a call from an unknown sender with IPC_SENDER_UNKNOWN before validating or running', async () => {
    const { dispatch, services } = setup();
    const result = await dispatch({ id: 'window-1', url: 'https://evil.example/' }, 'settings:set', { side: 'connected' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_UNKNOWN' } });
    expect(services.settings.get().side).toBeNull();
    expect(await dispatch({ id: 'other-frame', url: trusted.url }, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_UNKNOWN' } });
  });

  it('refuses unknown channels, including prototype keys', async () => {
    const { dispatch } = setup();
    expect(await dispatch(trusted, 'fs:readAnything', {})).toMatchObject({ ok: false, error: { code: 'IPC_CHANNEL_UNKNOWN' } });
    expect(await dispatch(trusted, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'IPC_CHANNEL_UNKNOWN' } });
  });

  it('turns a thrown FerryError into { ok: false, error } with its code', async () => {
    const { dispatch } = setup({ 'station:show': () => { throw new FerryError('STATION_MISSING', 'gone'); } });
    expect(await dispatch(trusted, 'station:show', {})).toEqual({ ok: false, error: { code: 'STATION_MISSING', message: 'gone' } });
  });

  it('turns an unexpected exception into INTERNAL_ERROR and reports it', async () => {
    const reported: string[] = [];
    const services = createServices({ dataDir: tempDir() });
    const dispatch = createDispatcher({ ...createHandlerTable(services), 'app:info': () => { throw new TypeError('boom'); } }, {
      isTrustedSender: () => true,
      onInternalError: (channel) => reported.push(channel),
    });
    expect(await dispatch(trusted, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR', message: 'boom' } });
    expect(reported).toEqual(['app:info']);
  });

  it('refuses a handler answer outside the contract instead of passing it on', async () => {
    const services = createServices({ dataDir: tempDir() });
    const dispatch = createDispatcher({
      ...createHandlerTable(services),
      'settings:get': () => ({ language: 'fr', side: null }) as never,
    }, { isTrustedSender: () => true });
    expect(await dispatch(trusted, 'settings:get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
  });
});
