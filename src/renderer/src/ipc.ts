/**
 * The only module that touches `window.ferry`: store actions call `ferry()` and `unwrap` results.
 * Components never call it directly.
 */
import type { FerryApi } from '../../shared/bridge.ts';
import type { ErrorData, IpcResult } from '../../shared/contract.ts';

declare global {
  interface Window {
    ferry: FerryApi;
  }
}

/** The typed API exposed by the preload (or the harness shim). */
export const ferry = (): FerryApi => window.ferry;

/** Thrown by `unwrap` so a store action can show the error with its code. */
export class IpcError extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData) {
    super(data.message);
    this.data = data;
  }
}

/** The value of a result, or an IpcError. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new IpcError(result.error);
  return result.value;
}

