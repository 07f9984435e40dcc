/**
 * The only place that touches `ipcMain` and `webContents.send`: binds every contract channel to the
 * dispatcher and forwards events to the window.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/channels.ts';
import type { EventChannel, EventPayload } from '../../shared/contract.ts';
import type { Dispatch } from '../ipc/dispatcher.ts';

/**
 * Registers every invoke channel. The sender is the calling frame (checklist 17): only a top-level
 * frame reports its URL; a subframe or a frame already gone reports none, which no check trusts.
 */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      const frame = event.senderFrame;
      const url = frame && frame.parent === null ? frame.url : '';
      return dispatch({ id: String(event.sender.id), url }, channel, args);
    });
  }
}

/** Sends an event to the window if it is still open. */
export function sendToWindow(getWindow: () => BrowserWindow | null) {
  return <E extends EventChannel>(event: E, payload: EventPayload<E>): void => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  };
}
