/**
 * Runs in the page before the renderer: provides `window.ferry` over the harness WebSocket, built by
 * the same `createFerryApi` the Electron preload uses. Only the transport differs.
 */
import { createFerryApi } from '../../src/shared/bridge.ts';
import type { EventChannel, IpcResult } from '../../src/shared/contract.ts';

declare const __FERRY_HARNESS__: { ws: string };

const socket = new WebSocket(__FERRY_HARNESS__.ws);
const open = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('harness connection failed')), { once: true });
});
const pending = new Map<number, (result: IpcResult<unknown>) => void>();
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as
    { id: number; result: IpcResult<unknown> } | { event: EventChannel; payload: unknown };
  if ('id' in data) {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});

(window as unknown as { ferry: unknown }).ferry = createFerryApi({
  async invoke(channel, args) {
    await open;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, args }));
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => { set.delete(listener); };
  },
});
