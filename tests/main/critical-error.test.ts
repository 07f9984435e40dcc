/** The shell's critical-error handler, with `electron` replaced by recording fakes. */
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CRASH_REPORT_FOLDER } from '../../src/main/crash-report.ts';
import { shellTexts } from '../../src/main/shell/texts.ts';
import { tempDir } from '../helpers/temp.ts';

const fake = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  app: { on: vi.fn(), relaunch: vi.fn(), exit: vi.fn() },
  dialog: { showMessageBoxSync: vi.fn(() => 0) },
}));
vi.mock('electron', () => ({ app: fake.app, dialog: fake.dialog }));
const { installCriticalErrorHandlers } = await import('../../src/main/shell/critical-error.ts');

function install(cliMode = false) {
  const dataDir = tempDir();
  const processEvents = new EventEmitter();
  fake.app.on.mockImplementation((name: string, listener: (...args: unknown[]) => void) => { fake.appListeners.set(name, listener); });
  installCriticalErrorHandlers({ dataDir: () => dataDir, version: '1.0.0', texts: () => shellTexts('en', 'en-US'), cliMode, processEvents: processEvents as never });
  const reports = () => { try { return readdirSync(join(dataDir, CRASH_REPORT_FOLDER)).map((f) => join(dataDir, CRASH_REPORT_FOLDER, f)); } catch { return []; } };
  return { processEvents, reports };
}

beforeEach(() => { vi.clearAllMocks(); fake.appListeners.clear(); });

describe('critical-error handler', () => {
  it.each(['uncaughtException', 'unhandledRejection'])('%s writes a report and offers a restart', (name) => {
    const { processEvents, reports } = install();
    processEvents.emit(name, new Error('bug'));
    expect(reports()).toHaveLength(1);
    expect(readFileSync(reports()[0]!, 'utf8')).toContain(`context: ${name}`);
    const box = fake.dialog.showMessageBoxSync.mock.calls[0] as unknown as [{ message: string; detail: string; buttons: string[] }];
    expect(box[0]).toMatchObject({ message: shellTexts('en', '').crash, buttons: ['Restart', 'Quit'] });
    expect(box[0].detail).toContain(reports()[0]);
    expect(fake.app.relaunch).toHaveBeenCalledOnce();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('quits without relaunching when the person chooses Quit', () => {
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    install().processEvents.emit('uncaughtException', new Error('bug'));
    expect(fake.app.relaunch).not.toHaveBeenCalled();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('a crashed window writes a report and offers a restart; a clean exit does nothing', () => {
    const { reports } = install();
    fake.appListeners.get('render-process-gone')!({}, {}, { reason: 'clean-exit', exitCode: 0 });
    expect(reports()).toHaveLength(0);
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    fake.appListeners.get('render-process-gone')!({}, {}, { reason: 'oom', exitCode: 9 });
    expect(reports()).toHaveLength(1);
    expect(readFileSync(reports()[0]!, 'utf8')).toContain('render-process-gone: oom');
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledWith(expect.objectContaining({ message: shellTexts('en', '').rendererGone }));
  });

  it('a crashed child process is reported without a dialog', () => {
    const { reports } = install();
    fake.appListeners.get('child-process-gone')!({}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(reports()).toHaveLength(1);
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled();
  });

  it('in CLI mode prints INTERNAL_ERROR and exits 1 without a dialog', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { processEvents, reports } = install(true);
    processEvents.emit('uncaughtException', new Error('bug'));
    expect(stderr).toHaveBeenCalledWith('error INTERNAL_ERROR: bug\n');
    stderr.mockRestore();
    expect(reports()).toHaveLength(1);
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('has the dialog texts in both languages', () => {
    for (const language of ['de', 'en'] as const) {
      const text = shellTexts(language, '');
      expect(text.crash).toContain('INTERNAL_ERROR');
      expect(text.rendererGone).toContain('INTERNAL_ERROR');
      expect(text.reportSaved('/x/crash.txt')).toContain('/x/crash.txt');
      expect(text.reportFailed.length).toBeGreaterThan(0);
    }
    expect(shellTexts('de', '').rendererGone).not.toBe(shellTexts('en', '').rendererGone);
  });
});
