import { beforeEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../src/shared/errors.ts';
import { IpcError } from '../../src/renderer/src/ipc.ts';
import { attempt } from '../../src/renderer/src/stores/attempt.ts';
import { useErrorStore } from '../../src/renderer/src/stores/error-store.ts';

// The bridge main would answer: records what the renderer reports as a program error.
const reported: { message: string; stack?: string }[] = [];
(globalThis as unknown as { window: unknown }).window = {
  ferry: { app: { reportError: async (args: { message: string; stack?: string }) => { reported.push(args); return { ok: true, value: { file: '/data/reports/crash-1.txt' } }; } } },
};

const fail = (code: 'NAME_INVALID' | 'SIGNER_UNTRUSTED' | 'FINGERPRINT_MISMATCH') => async () => { throw new IpcError({ code, message: `English text for ${code}` }); };
const errors = () => useErrorStore.getState().errors;

beforeEach(() => {
  useErrorStore.setState({ errors: [] });
  reported.length = 0;
});

describe('the error queue', () => {
  it('keeps several errors and dismisses one alone', async () => {
    await attempt('station.rename', fail('NAME_INVALID'));
    await attempt('bundle.import', fail('SIGNER_UNTRUSTED'));
    expect(errors().map((e) => e.data.code)).toEqual(['NAME_INVALID', 'SIGNER_UNTRUSTED']);
    useErrorStore.getState().dismiss(errors()[0]!.id);
    expect(errors().map((e) => e.data.code)).toEqual(['SIGNER_UNTRUSTED']);
  });

  it('clears an action’s errors on its next success, and only that action’s', async () => {
    await attempt('station.rename', fail('NAME_INVALID'));
    await attempt('station.trust', fail('FINGERPRINT_MISMATCH'), { inline: true });
    const ok = await attempt('station.rename', async () => 'saved');
    expect(ok).toEqual({ ok: true, value: 'saved' });
    expect(errors().map((e) => [e.source, e.data.code, e.inline])).toEqual([['station.trust', 'FINGERPRINT_MISMATCH', true]]);
  });

  it('replaces the same failure instead of stacking it, and shows at most five', async () => {
    await attempt('a', fail('NAME_INVALID'));
    await attempt('a', fail('NAME_INVALID'));
    expect(errors()).toHaveLength(1);
    for (const s of ['b', 'c', 'd', 'e', 'f', 'g']) await attempt(s, fail('NAME_INVALID'));
    expect(errors().map((e) => e.source)).toEqual(['c', 'd', 'e', 'f', 'g']);
  });

  it('clears on navigation, except program errors (they stay until dismissed)', async () => {
    await attempt('a', fail('NAME_INVALID'));
    await attempt('b', async () => { throw new TypeError('x is undefined'); });
    useErrorStore.getState().clearOnNavigation();
    expect(errors().map((e) => e.source)).toEqual(['b']);
  });

  it('treats a thrown error without a code as a program error: INTERNAL_ERROR, a report written, a restart offered', async () => {
    const r = await attempt('audit.list', async () => { throw new TypeError('entries is undefined'); });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toBe('entries is undefined');
    expect(reported[0]!.stack).toContain('TypeError');
    expect(errors()[0]).toMatchObject({ source: 'audit.list', data: { code: 'INTERNAL_ERROR' }, report: { pending: false, file: '/data/reports/crash-1.txt' } });
  });

  it('does not take an expected failure raised in the renderer for a bug', async () => {
    await attempt('station.rename', async () => { throw new FerryError('NAME_INVALID', 'The station name is empty', { what: 'station name' }); });
    expect(reported).toHaveLength(0);
    expect(errors()[0]).toMatchObject({ data: { code: 'NAME_INVALID' }, report: undefined });
  });
});
