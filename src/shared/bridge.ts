/**
 * Builds the typed `window.ferry` API from the contract over any transport: Electron's ipcRenderer in
 * the preload, a WebSocket in the e2e harness. Nothing here is written per channel, so the API
 * cannot drift from the contract.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels.ts';
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
  IpcResult,
} from './contract.ts';

/** How the API reaches main. */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, args: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Caller<C extends InvokeChannel> = {} extends InvokeInput<C>
  ? (args?: InvokeInput<C>) => Promise<IpcResult<InvokeOutput<C>>>
  : (args: InvokeInput<C>) => Promise<IpcResult<InvokeOutput<C>>>;

/** `window.ferry`: one named function per channel, grouped by domain, plus `on` for events. */
export type FerryApi = {
  [D in DomainOf<InvokeChannel>]: {
    [C in InvokeChannel as C extends `${D}:${infer V}` ? V : never]: Caller<C>;
  };
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Creates the API object; every function returns the `{ ok, value } | { ok: false, error }` envelope. */
export function createFerryApi(transport: BridgeTransport): FerryApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (args?: unknown) => transport.invoke(channel, args ?? {});
  }
  // `on` is reachable from page scripts: only contract events, never an arbitrary IPC channel name.
  const on = (event: EventChannel, listener: (payload: unknown) => void) => {
    if (!isEventChannel(event)) throw new TypeError(`Unknown event: ${String(event).slice(0, 100)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    return transport.subscribe(event, (payload) => listener(payload));
  };
  return Object.assign(api, { on }) as unknown as FerryApi;
}

/** Whether a value names a contract event (the only names `on` accepts). */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
