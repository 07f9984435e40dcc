/**
 * HTTPS to an appliance's /login site with the certificate pinned, like ssh: appliances often present
 * certificates the jump host does not trust, so Ferry trusts exactly the certificate the person
 * confirmed (SHA-256 of its DER), checked on every connection before a byte of the request is sent.
 * Verification is turned off for this one socket only, never globally; no proxy is consulted (Node's
 * http never reads proxy variables), no redirect is followed, every wait has a timeout.
 */
import { constants as cryptoConstants, createHash, X509Certificate } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import type { Writable } from 'node:stream';
import { FerryError } from '../../shared/errors.ts';

/** What the appliance presented. */
export interface PresentedCertificate {
  sha256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltName: string | null;
}

/** A request to the appliance (path with query, relative to its origin). */
export interface LinkRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** An answer, its body read whole (up to a limit) or streamed into a sink. */
export interface LinkResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Bytes written to the sink, when one was given. */
  streamed: number;
  /**
   * Whether the body's end was marked (Content-Length or chunked). Without either, an answer ends
   * when the connection closes — a connection dropped midway looks the same.
   */
  framed: boolean;
}

export interface RequestOptions {
  /** How long any single wait (connect, handshake, the next bytes) may take. */
  timeoutMs: number;
  /** The most a body read whole may hold (LINK_ANSWER_UNEXPECTED beyond). */
  maxBytes: number;
  signal?: AbortSignal | undefined;
  /** For a successful (2xx) answer: stream its body here instead of reading it whole, up to `maxStreamBytes`. */
  sink?: Writable;
  maxStreamBytes?: number;
  /**
   * The longest a whole request may take (an idle timeout alone lets a server drip a byte at a time
   * forever); default 3 × `timeoutMs`. A streamed body must instead keep up at least `minBytesPerWait`
   * per `timeoutMs`.
   */
  deadlineMs?: number;
  minBytesPerWait?: number;
}

/** A fingerprint as people write it (colons, spaces, dashes, any case) as 64 lowercase hex digits, or null. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** The origin of an appliance's /login address: https only, no credentials, query or fragment. */
export function applianceOrigin(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FerryError('USAGE', `Not an address: "${text.slice(0, 100)}" (e.g. https://support.example.com/login)`, { field: 'url' });
  }
  if (url.protocol !== 'https:') throw new FerryError('USAGE', 'The appliance link uses https:// only', { field: 'url' });
  if (url.username || url.password || url.search || url.hash) throw new FerryError('USAGE', 'The address holds no user, password, query or fragment', { field: 'url' });
  if (!['/', '/login', '/login/'].includes(url.pathname)) throw new FerryError('USAGE', `The address is the appliance's site (https://host or https://host/login), not ${url.pathname.slice(0, 60)}`, { field: 'url' });
  return new URL(url.origin);
}

const hostOf = (origin: URL) => origin.hostname.replace(/^\[|\]$/g, '');

function unreachable(origin: URL, why: string, cause?: string): FerryError {
  return new FerryError('LINK_UNREACHABLE', `${origin.host}: ${why}`, { host: origin.host, ...(cause ? { cause } : {}) });
}

function presented(socket: TLSSocket): PresentedCertificate | null {
  const raw = socket.getPeerCertificate()?.raw;
  if (!raw || raw.length === 0) return null;
  const x509 = new X509Certificate(raw);
  return {
    sha256: createHash('sha256').update(raw).digest('hex'),
    subject: x509.subject, issuer: x509.issuer, validFrom: x509.validFrom, validTo: x509.validTo,
    subjectAltName: x509.subjectAltName ?? null,
  };
}

/**
 * A TLS connection whose certificate is `pin` (or any, when `pin` is null: only to show it). Refused
 * with LINK_PIN_MISMATCH before anything is sent when another certificate is presented.
 */
function openPinned(origin: URL, pin: string | null, timeoutMs: number, signal?: AbortSignal): Promise<{ socket: TLSSocket; certificate: PresentedCertificate }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FerryError('JOB_CANCELLED', 'Cancelled'));
      return;
    }
    const host = hostOf(origin);
    const socket = connect({
      host, port: origin.port ? Number(origin.port) : 443,
      ...(isIP(host) ? {} : { servername: host }),
      // This socket alone: its certificate is compared with the pin below instead.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      // The pin is checked once, at the handshake: no renegotiation may change the certificate afterwards.
      secureOptions: cryptoConstants.SSL_OP_NO_RENEGOTIATION,
    });
    const fail = (error: FerryError) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(new FerryError('JOB_CANCELLED', 'Cancelled'));
    const timer = setTimeout(() => fail(unreachable(origin, `no TLS connection within ${Math.round(timeoutMs / 1000)} s`, 'timeout')), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error: NodeJS.ErrnoException) => fail(unreachable(origin, error.code ?? error.message, error.code ?? 'tls')));
    socket.once('secureConnect', () => {
      const certificate = presented(socket);
      if (certificate === null) {
        fail(unreachable(origin, 'the appliance presented no certificate', 'no-certificate'));
        return;
      }
      if (pin !== null && certificate.sha256 !== pin) {
        fail(new FerryError('LINK_PIN_MISMATCH', `${origin.host} presents a certificate with SHA-256 ${certificate.sha256}, not the confirmed ${pin}`, {
          host: origin.host, expected: pin, presented: certificate.sha256, subject: certificate.subject, validTo: certificate.validTo,
        }));
        return;
      }
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ socket, certificate });
    });
  });
}

/** The certificate the appliance presents now, for the person to compare and confirm. */
export async function presentedCertificate(origin: URL, timeoutMs: number, signal?: AbortSignal): Promise<PresentedCertificate> {
  const { socket, certificate } = await openPinned(origin, null, timeoutMs, signal);
  socket.destroy();
  return certificate;
}

/** One request over a fresh pinned connection (closed afterwards). */
export async function pinnedRequest(origin: URL, pin: string, req: LinkRequest, options: RequestOptions): Promise<LinkResponse> {
  const { socket } = await openPinned(origin, pin, options.timeoutMs, options.signal);
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error: Error | null, response?: LinkResponse) => {
      if (settled) return;
      settled = true;
      if (deadline) clearTimeout(deadline);
      if (pace) clearInterval(pace);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(response!);
    };
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    let request: ReturnType<typeof httpRequest>;
    try {
      request = httpRequest({
        method: req.method, path: req.path,
        headers: { host: origin.host, connection: 'close', accept: '*/*', ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        // The pinned socket; with createConnection and no agent, Node uses exactly this one.
        createConnection: () => socket,
      });
    } catch (error) {
      // A header Node refuses (a token with a line break): nothing was sent, the socket goes.
      socket.destroy();
      reject(new FerryError('LINK_ANSWER_UNEXPECTED', `The request could not be formed: ${(error as Error).message.slice(0, 120)}`, { reason: 'request' }));
      return;
    }
    const streaming = options.sink !== undefined;
    // A whole-request deadline for answers read whole; a minimum pace for a streamed body.
    const deadline = streaming ? null : setTimeout(() => {
      request.destroy();
      done(unreachable(origin, `no complete answer within ${Math.round((options.deadlineMs ?? 3 * options.timeoutMs) / 1000)} s`, 'timeout'));
    }, options.deadlineMs ?? 3 * options.timeoutMs);
    let paceBytes = 0;
    const pace = streaming ? setInterval(() => {
      if (paceBytes < (options.minBytesPerWait ?? 16 * 1024)) {
        request.destroy();
        done(unreachable(origin, `the answer comes too slowly (${paceBytes} bytes in ${Math.round(options.timeoutMs / 1000)} s)`, 'timeout'));
      }
      paceBytes = 0;
    }, options.timeoutMs) : null;
    const onAbort = () => {
      request.destroy();
      done(new FerryError('JOB_CANCELLED', 'Cancelled'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // Where the body goes may fail (a full disk): the request ends with that, not with a timeout.
    options.sink?.once('error', (error: NodeJS.ErrnoException) => {
      request.destroy();
      done(error instanceof FerryError ? error : new FerryError('OUTPUT_NOT_WRITABLE', `The answer could not be written: ${error.code ?? error.message}`, { cause: error.code ?? null }));
    });
    request.setTimeout(options.timeoutMs, () => {
      request.destroy();
      done(unreachable(origin, `no answer within ${Math.round(options.timeoutMs / 1000)} s`, 'timeout'));
    });
    request.once('error', (error: NodeJS.ErrnoException) => done(error instanceof FerryError ? error : unreachable(origin, error.code ?? error.message, error.code ?? 'http')));
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      const stream = options.sink !== undefined && status >= 200 && status < 300;
      const limit = stream ? (options.maxStreamBytes ?? Number.MAX_SAFE_INTEGER) : options.maxBytes;
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        paceBytes += chunk.length;
        if (size > limit) {
          response.destroy();
          done(new FerryError('LINK_ANSWER_UNEXPECTED', `The answer to ${req.path.split('?')[0]} is larger than ${limit} bytes`, { reason: 'too-large', limit }));
          return;
        }
        if (!stream) {
          chunks.push(chunk);
          return;
        }
        if (!options.sink!.write(chunk)) {
          response.pause();
          options.sink!.once('drain', () => response.resume());
        }
      });
      response.once('error', (error: NodeJS.ErrnoException) => done(unreachable(origin, `the answer broke off: ${error.code ?? error.message}`, 'aborted')));
      response.once('aborted', () => done(unreachable(origin, 'the answer broke off', 'aborted')));
      response.once('end', () => {
        if (!response.complete) {
          done(unreachable(origin, 'the answer broke off', 'aborted'));
          return;
        }
        const framed = response.headers['content-length'] !== undefined || /chunked/i.test(String(response.headers['transfer-encoding'] ?? ''));
        done(null, { status, headers: response.headers, body: Buffer.concat(chunks), streamed: stream ? size : 0, framed });
      });
    });
    request.end(body);
  });
}
