/**
 * What reaches the harness from outside, read totally: request URLs and WebSocket frames. Anything
 * malformed yields null (the server answers 400 or ignores the frame and counts it), never an
 * exception that could end the process.
 */

/** Largest call frame read; a real call is a few KiB. Larger frames are ignored and counted. */
export const MAX_FRAME_BYTES = 1 << 20;
/** Largest WebSocket message at all: `ws` closes a socket that sends more (code 1009). */
export const MAX_SOCKET_PAYLOAD = 8 << 20;

/** One `window.ferry` call from the page. */
export interface CallFrame {
  id: number;
  channel: string;
  args: unknown;
}

/** How often the harness refused or ignored something, for tests and diagnostics. */
export interface HarnessCounters {
  badRequests: number;
  refusedUpgrades: number;
  ignoredFrames: number;
  socketErrors: number;
  failedReplies: number;
}

/** A request target as a URL on `origin`, or null unless it is a plain path (`/…`, not `//host`). */
export function parseRequestUrl(target: string | undefined, origin: string): URL | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  return URL.parse(target, origin);
}

/** A call frame, or null for binary, oversized, non-JSON or wrongly typed frames. */
export function parseCallFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): CallFrame | null {
  if (isBinary) return null;
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (bytes.length > MAX_FRAME_BYTES) return null;
  let message: unknown;
  try {
    message = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { id, channel, args } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string' || channel.length > 100) return null;
  return { id, channel, args };
}
