/**
 * The preload: exposes `window.ferry`, built from the contract, over ipcRenderer. No generic
 * "send any channel", no sendSync, no Electron object reaches the page; `on` takes only contract
 * events (checked in `createFerryApi`) and hands listeners the payload, never the IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createFerryApi } from '../shared/bridge.ts';
import type { IpcResult } from '../shared/contract.ts';

contextBridge.exposeInMainWorld('ferry', createFerryApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args) as Promise<IpcResult<unknown>>,
  subscribe: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => { ipcRenderer.removeListener(event, wrapped); };
  },
}));
