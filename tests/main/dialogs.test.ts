import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../e2e/harness/server.ts';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { folderDialogOptions, openDialogOptions, saveDialogOptions, shellTexts } from '../../src/main/shell/texts.ts';
import { tempDir } from '../helpers/temp.ts';

let harness: Harness | null = null;
afterEach(async () => { await harness?.close(); harness = null; });

/** The harness, a function to queue dialog answers over its control endpoint, and one to call channels. */
async function start() {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  const h = await startHarness({ dataDir: tempDir(), rendererDir });
  harness = h;
  const dispatch = createDispatcher(createHandlerTable(h.services), { isTrustedSender: () => true });
  return {
    h,
    answer: (body: unknown) => fetch(`${h.origin}/__ferry/dialog?token=${h.token}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.status),
    call: (channel: string, args: unknown = {}) => dispatch({ id: '1', url: 'x' }, channel, args),
  };
}

function files() {
  const dir = realpathSync(tempDir());
  mkdirSync(join(dir, 'packages'));
  writeFileSync(join(dir, 'packages', 'a.nsu'), 'aaa');
  writeFileSync(join(dir, 'packages', 'b.nsu'), 'bbbbb');
  return dir;
}

describe('dialogs in the harness', () => {
  it('answers each kind of dialog from its own queue, as handles of the right kind', async () => {
    const { h, answer, call } = await start();
    const dir = files();
    expect(await answer({ kind: 'open-files', paths: [join(dir, 'packages', 'a.nsu'), join(dir, 'packages', 'b.nsu')] })).toBe(204);
    expect(await answer({ kind: 'open-folder', path: join(dir, 'packages') })).toBe(204);
    expect(await answer({ kind: 'save-file', path: join(dir, 'audit.jsonl') })).toBe(204);
    const many = await call('files:pickMany', { purpose: 'any' });
    expect(many).toMatchObject({ ok: true, value: [{ name: 'a.nsu', size: 3 }, { name: 'b.nsu', size: 5 }] });
    const folder = await call('files:pickFolder', { purpose: 'packages' }) as { ok: true; value: { handle: string; name: string } };
    expect(folder.value.name).toBe('packages');
    expect(h.services.files.resolveChild(folder.value.handle, 'a.nsu')).toBe(join(dir, 'packages', 'a.nsu'));
    const save = await call('files:pickSaveTarget', { purpose: 'audit-export', defaultName: 'audit.jsonl' }) as { ok: true; value: { handle: string } };
    expect(h.services.files.resolve(save.value.handle, 'save-target')).toBe(join(dir, 'audit.jsonl'));
    // Queues are per kind and now empty: every dialog answers "cancelled".
    expect(await call('files:pickMany')).toEqual({ ok: true, value: [] });
    expect(await call('files:pickFolder')).toEqual({ ok: true, value: null });
    expect(await call('files:pickSaveTarget')).toEqual({ ok: true, value: null });
  });

  it('keeps the original body { path } working for the open-file dialog', async () => {
    const { answer, call } = await start();
    const dir = files();
    expect(await answer({ path: join(dir, 'packages', 'a.nsu') })).toBe(204);
    expect(await answer({ path: null })).toBe(204);
    expect(await call('files:pick')).toMatchObject({ ok: true, value: { name: 'a.nsu', size: 3 } });
    expect(await call('files:pick')).toEqual({ ok: true, value: null });
  });

  it('refuses a malformed answer with 400 and queues nothing', async () => {
    const { h, call } = await start();
    for (const body of ['{', '{"kind":"open-files","path":"/x"}', '{"kind":"format-disk","path":"/x"}', '{"path":""}']) {
      const res = await fetch(`${h.origin}/__ferry/dialog?token=${h.token}`, { method: 'POST', body });
      expect(res.status, body).toBe(400);
    }
    expect(await call('files:pick')).toEqual({ ok: true, value: null });
  });

  it('turns an answer that does not exist into a coded error, not a handle', async () => {
    const { answer, call } = await start();
    expect(await answer({ kind: 'open-folder', path: join(tempDir(), 'gone') })).toBe(204);
    expect(await call('files:pickFolder')).toMatchObject({ ok: false, error: { code: 'FILE_MISSING' } });
  });
});

describe('dialog texts', () => {
  it('title every dialog purpose in German and English', () => {
    for (const language of ['de', 'en'] as const) {
      const text = shellTexts(language, '');
      const titles = [
        openDialogOptions(text, 'any', true).title,
        folderDialogOptions(text, 'any').title, folderDialogOptions(text, 'packages').title, folderDialogOptions(text, 'bundle').title,
        saveDialogOptions(text, 'any').title, saveDialogOptions(text, 'audit-export').title,
      ];
      expect(new Set(titles).size, language).toBe(titles.length);
    }
    expect(folderDialogOptions(shellTexts('de', ''), 'packages').title).not.toBe(folderDialogOptions(shellTexts('en', ''), 'packages').title);
    expect(saveDialogOptions(shellTexts('en', ''), 'audit-export').filters?.[0]?.extensions).toEqual(['jsonl']);
  });
});
