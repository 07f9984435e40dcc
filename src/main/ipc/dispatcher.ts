/**
 * The single gate every IPC call passes, whatever the transport: check the sender, validate the
 * arguments against the contract, run the handler, validate its answer, and wrap the outcome in
 * `{ ok, value } | { ok: false, error }`. Errors never cross the boundary as exceptions.
 */
import {
  invoke,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeOutput,
  type IpcResult,
} from '../../shared/contract.ts';
import { FerryError, toErrorData } from '../../shared/errors.ts';

/** Who is calling: the transport tells; `isTrustedSender` decides. */
export interface Sender {
  /** A stable id of the calling frame or connection. */
  id: string;
  /** The URL of the calling page. */
  url: string;
}

/** The function that answers one channel. */
export type Handler<C extends InvokeChannel> = (args: InvokeArgs<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>;

/** One async function per contract channel. */
export type HandlerTable = { [C in InvokeChannel]: Handler<C> };

/** The handlers of one domain (`station:*`, …): each domain folder exports a `setup…Handlers` returning these. */
export type DomainHandlers<D extends string> = { [C in InvokeChannel as C extends `${D}:${string}` ? C : never]: Handler<C> };

export interface DispatcherOptions {
  isTrustedSender(sender: Sender): boolean;
  /** Called for unexpected exceptions (bugs), e.g. to write an error report. */
  onInternalError?(channel: string, error: unknown): void;
}

/** A function that answers one IPC call. */
export type Dispatch = (sender: Sender, channel: string, rawArgs: unknown) => Promise<IpcResult<unknown>>;

const fail = (error: FerryError): IpcResult<never> => ({ ok: false, error: error.toData() });

/** Creates the dispatcher over a handler table. */
export function createDispatcher(handlers: HandlerTable, options: DispatcherOptions): Dispatch {
  return async (sender, channel, rawArgs) => {
    if (!Object.hasOwn(invoke, channel)) {
      return fail(new FerryError('IPC_CHANNEL_UNKNOWN', `Unknown channel ${channel}`, { channel }));
    }
    const name = channel as InvokeChannel;
    if (!options.isTrustedSender(sender)) {
      return fail(new FerryError('IPC_SENDER_UNKNOWN', `Refused ${name} from an unknown sender`, { channel, url: sender.url }));
    }
    const parsed = invoke[name].input.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return fail(new FerryError('IPC_INVALID_ARGUMENTS', `Invalid arguments for ${name}`, {
        channel,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      }));
    }
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      const checked = invoke[name].output.safeParse(value);
      if (!checked.success) {
        throw new Error(`Handler for ${name} answered outside the contract: ${checked.error.message}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const data = toErrorData(error);
      if (data.code !== 'INTERNAL_ERROR') return { ok: false, error: data };
      options.onInternalError?.(name, error);
      return { ok: false, error: { ...data, details: { channel } } };
    }
  };
}
