/**
 * A fake BeyondTrust Remote Support appliance for tests: HTTPS on 127.0.0.1 with a self-signed
 * certificate (made by the OpenSSL CLI), answering only the endpoints the vendor's public API docs
 * describe (OAuth client credentials, the command API's check_health and get_api_info, the backup,
 * the configuration API's jump-client list, the unauthenticated /check_health). Tests change
 * `state` and `switches` between calls. The app never starts it; run it by hand with
 * `node --experimental-strip-types e2e/fake-appliance/fake-appliance.ts --port 8443`.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);

/** One Jump Client as the configuration API lists it. */
export interface FakeJumpClient { id: number; name: string; needs_update: boolean; last_connect_timestamp: string; jump_group_id: number; fqdn: string; operating_system: string }

/** What the fake appliance answers with; mutable between calls. */
export interface FakeApplianceState {
  clientId: string;
  clientSecret: string;
  health: { id: string; hostname: string; version: string; success: boolean; errorMessage?: string; failoverRole: 'none' | 'primary' | 'backup'; sharedIps?: string[]; lastDataSync?: { at: string; status: string } };
  apiVersion: string;
  permissions: { perm_backup: '0' | '1'; perm_command: 'full' | 'read_only' | 'deny'; perm_configuration: '0' | '1' };
  backup: Buffer;
  jumpClients: FakeJumpClient[];
  /** How far the appliance's clock is ahead of the real one (ms; get_api_info's timestamp). */
  clockOffsetMs?: number;
}

/** Misbehaviours a test switches on; when several answer every call, the first listed below wins: redirectAway, rateLimited, serverError. */
export interface FakeSwitches {
  /** Tokens already issued answer 401 on their next N API calls (simulates an early expiry / regenerated secret). Tokens issued after this was last set are unaffected; each such 401 counts it down. */
  expireTokensOnNextCalls: number;
  /** Every API call (not the token endpoint) answers 401 even with a fresh token. */
  alwaysUnauthorized: boolean;
  /** Answers with XML that does not parse (check_health/get_api_info) or JSON that does not parse (jump-client). */
  malformed: boolean;
  /** Delay before answering, in ms (tests timeouts). */
  delayMs: number;
  /** Every call (token endpoint included) answers 500 with an HTML error page. */
  serverError: boolean;
  /** The 500 page dumps the request's Authorization header, as a debugging proxy might (for checking that saved answers blank it). */
  echoAuthorization: boolean;
  /** Every call answers 429 with Retry-After: 30. */
  rateLimited: boolean;
  /** Every call answers 302 to https://elsewhere.example/. */
  redirectAway: boolean;
  /** The backup answers: 'unframed' (no Content-Length, cut after half, connection closed), 'html' (200 with a sign-in page). */
  backupFault: 'none' | 'unframed' | 'html';
  /** Jump Client paging faults: pages of 50 whatever is asked, the same page whatever is asked, a total header that lies. */
  pagingFault: 'none' | 'small-pages' | 'same-page' | 'total-lies';
  /** The token answer carries no expires_in and the token as a string, but no token_type (not as documented). */
  tokenWithoutType: boolean;
  /** Sends each answer's body one byte every this many ms (0: at once): a server that drips. */
  dripMs: number;
}

/** One request the fake received, in arrival order. */
export interface FakeRequest {
  method: string;
  /** The request target as sent: path and query, e.g. `/api/command?action=check_health`. */
  path: string;
  authorization: string | undefined;
  /** The body as UTF-8 text ('' when none or when it was over the 1 MiB limit). */
  body: string;
}

/** A running fake appliance. */
export interface FakeAppliance {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Lowercase hex SHA-256 of the DER certificate being served now. */
  fingerprint: string;
  /** Mutable: tests change versions, roles, permissions between calls. */
  state: FakeApplianceState;
  /** Mutable (set its fields; the object itself stays). */
  readonly switches: FakeSwitches;
  requests: FakeRequest[];
  /** Passwords received in the JSON bodies of backups that were served. */
  backupPasswords: string[];
  /** Serves a new self-signed certificate from now on (same port); updates `fingerprint`. */
  rotateCertificate(): Promise<void>;
  /** Stops listening, ends open connections and removes the certificate's temp folder. */
  close(): Promise<void>;
}

const COMMAND_NS = 'http://www.beyondtrust.com/sra/namespaces/API/command';
const MAX_BODY = 1024 * 1024;
const TOKEN_LIFETIME_S = 3600;
const OPERATING_SYSTEMS = ['Windows 11 Enterprise', 'Windows 10 Pro', 'Windows Server 2022', 'Ubuntu 22.04 LTS', 'macOS 14.5', 'Red Hat Enterprise Linux 9'];

/** A standalone appliance with all permissions, 250 Jump Clients (every third needs an update) and a ~200 KiB random backup. */
export function defaultFakeState(overrides?: Partial<FakeApplianceState>): FakeApplianceState {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const jumpClients: FakeJumpClient[] = [];
  for (let i = 0; i < 250; i++) {
    const n = i + 1;
    // Spread over the last ~90 days, a different hour each.
    const ago = ((i * 37) % 90) * 86_400_000 + ((i * 7) % 24) * 3_600_000;
    jumpClients.push({
      id: n,
      name: `JC-${String(n).padStart(3, '0')}`,
      needs_update: i % 3 === 0,
      last_connect_timestamp: new Date(now - ago).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      jump_group_id: (i % 5) + 1,
      fqdn: `host-${String(n).padStart(3, '0')}.corp.example`,
      operating_system: OPERATING_SYSTEMS[i % OPERATING_SYSTEMS.length] ?? 'Windows 11 Enterprise',
    });
  }
  return {
    clientId: 'ferry-test-client',
    clientSecret: 'ferry-test-secret',
    health: { id: '6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b04', hostname: 'support.example.com', version: '24.1.2 (build 12345)', success: true, failoverRole: 'none' },
    apiVersion: '1.24.1',
    permissions: { perm_backup: '1', perm_command: 'full', perm_configuration: '1' },
    backup: randomBytes(200 * 1024),
    jumpClients,
    ...overrides,
  };
}

/** Text or attribute value escaped for XML. */
function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function checkHealthXml(state: FakeApplianceState): string {
  const h = state.health;
  const lines = [
    `<appliance id="${xml(h.id)}">${xml(h.hostname)}</appliance>`,
    `<version>${xml(h.version)}</version>`,
    `<success>${h.success ? 1 : 0}</success>`,
  ];
  if (h.errorMessage !== undefined) lines.push(`<error_message>${xml(h.errorMessage)}</error_message>`);
  lines.push(`<failover_role>${xml(h.failoverRole)}</failover_role>`);
  if (h.failoverRole !== 'none') {
    if (h.sharedIps) lines.push(`<enabled_shared_ips>${h.sharedIps.map((ip) => `<ip>${xml(ip)}</ip>`).join('')}</enabled_shared_ips>`);
    if (h.lastDataSync) {
      const ms = Date.parse(h.lastDataSync.at);
      const ts = Number.isFinite(ms) ? ` ts="${Math.floor(ms / 1000)}"` : '';
      lines.push(`<last_data_sync_time${ts}>${xml(h.lastDataSync.at)}</last_data_sync_time>`);
      lines.push(`<last_data_sync_status>${xml(h.lastDataSync.status)}</last_data_sync_status>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<check_health xmlns="${COMMAND_NS}">\n${lines.join('\n')}\n</check_health>\n`;
}

function apiInfoXml(state: FakeApplianceState): string {
  const perms = Object.entries(state.permissions).map(([name, value]) => `<permission name="${xml(name)}" value="${xml(value)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<get_api_info xmlns="${COMMAND_NS}">\n<api_version>${xml(state.apiVersion)}</api_version>\n<timestamp>${Math.floor((Date.now() + (state.clockOffsetMs ?? 0)) / 1000)}</timestamp>\n<permissions>\n${perms.join('\n')}\n</permissions>\n</get_api_info>\n`;
}

/** Unclosed and mismatched tags: no XML parser accepts it. */
function malformedXml(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${COMMAND_NS}">\n<success>1</version>\n<appliance id="x>`;
}

const SERVER_ERROR_PAGE = '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>\n';

interface Answer { status: number; headers?: Record<string, string>; body?: string | Buffer; /** Sent without Content-Length and ended by closing the connection. */ unframed?: boolean }

const text = (status: number, body: string, headers: Record<string, string> = {}): Answer => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body });
const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) });
const xmlAnswer = (body: string): Answer => ({ status: 200, headers: { 'content-type': 'application/xml; charset=UTF-8' }, body });
const notAllowed = (allow: string): Answer => text(405, 'Method Not Allowed', { allow });
const unauthorized = (): Answer => json(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });

/** A new self-signed P-256 certificate for 127.0.0.1 in `dir`, with its SHA-256 fingerprint. */
async function makeCertificate(dir: string, n: number): Promise<{ key: Buffer; cert: Buffer; fingerprint: string }> {
  const keyPath = join(dir, `key-${n}.pem`);
  const certPath = join(dir, `cert-${n}.pem`);
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '30', '-keyout', keyPath, '-out', certPath]);
  const key = readFileSync(keyPath);
  const cert = readFileSync(certPath);
  const fingerprint = createHash('sha256').update(new X509Certificate(cert).raw).digest('hex');
  return { key, cert, fingerprint };
}

type Body = { ok: true; text: string } | { ok: false };

/** The request body up to MAX_BODY bytes; `ok: false` when it is larger (or the stream failed). */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((done) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > MAX_BODY) {
      done({ ok: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (body: Body): void => {
      if (finished) return;
      finished = true;
      done(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        req.pause();
        finish({ ok: false });
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false }));
    req.on('close', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** Starts the fake on 127.0.0.1 (`port` 0: any free port) with `state` (default: defaultFakeState()). */
export async function startFakeAppliance(state: FakeApplianceState = defaultFakeState(), port = 0): Promise<FakeAppliance> {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-fake-appliance-'));
  let generation = 0;
  let server: Server;
  let first: Awaited<ReturnType<typeof makeCertificate>>;
  try {
    first = await makeCertificate(dir, generation++);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const tokens = new Map<string, { serial: number; expiresAt: number }>();
  let nextSerial = 0;
  let expireLeft = 0;
  let expireBefore = 0;
  const timers = new Set<NodeJS.Timeout>();

  const switches: FakeSwitches = {
    get expireTokensOnNextCalls(): number { return expireLeft; },
    set expireTokensOnNextCalls(n: number) {
      expireLeft = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
      expireBefore = nextSerial;
    },
    alwaysUnauthorized: false,
    malformed: false,
    delayMs: 0,
    serverError: false,
    echoAuthorization: false,
    rateLimited: false,
    redirectAway: false,
    backupFault: 'none',
    pagingFault: 'none',
    tokenWithoutType: false,
    dripMs: 0,
  };

  const fake: FakeAppliance = {
    url: '',
    port: 0,
    fingerprint: first.fingerprint,
    state,
    switches,
    requests: [],
    backupPasswords: [],
    rotateCertificate: async () => {
      const next = await makeCertificate(dir, generation++);
      server.setSecureContext({ key: next.key, cert: next.cert });
      fake.fingerprint = next.fingerprint;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };

  /** The bearer token's check: undefined when the call may go on, else the 401 answer. */
  function authenticate(authorization: string | undefined): Answer | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1] === undefined ? undefined : tokens.get(match[1]);
    if (!token || token.expiresAt <= Date.now()) return unauthorized();
    if (fake.switches.alwaysUnauthorized) return unauthorized();
    if (expireLeft > 0 && token.serial < expireBefore) {
      expireLeft--;
      return unauthorized();
    }
    return undefined;
  }

  function issueToken(req: IncomingMessage, body: string): Answer {
    const s = fake.state;
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = basic?.[1] === undefined ? '' : Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || decoded.slice(0, colon) !== s.clientId || decoded.slice(colon + 1) !== s.clientSecret) {
      return json(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="oauth2"' });
    }
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
    const now = Date.now();
    for (const [t, info] of tokens) if (info.expiresAt <= now) tokens.delete(t);
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { serial: nextSerial++, expiresAt: now + TOKEN_LIFETIME_S * 1000 });
    if (fake.switches.tokenWithoutType) return json(200, { access_token: token, expires_in: String(TOKEN_LIFETIME_S) }, { 'cache-control': 'no-store' });
    return json(200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S }, { 'cache-control': 'no-store' });
  }

  function command(query: URLSearchParams): Answer {
    const s = fake.state;
    if (s.permissions.perm_command === 'deny') return text(403, 'Forbidden');
    const action = query.get('action');
    const malformed = fake.switches.malformed;
    if (action === 'check_health') return xmlAnswer(malformed ? malformedXml('check_health') : checkHealthXml(s));
    if (action === 'get_api_info') return xmlAnswer(malformed ? malformedXml('get_api_info') : apiInfoXml(s));
    return text(400, 'Unknown action');
  }

  function backup(body: string): Answer {
    const s = fake.state;
    if (s.permissions.perm_backup !== '1') return text(403, 'Forbidden');
    if (body.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(body);
        if (parsed !== null && typeof parsed === 'object' && 'password' in parsed && typeof parsed.password === 'string') fake.backupPasswords.push(parsed.password);
      } catch {
        // Not JSON: the backup is answered all the same.
      }
    }
    const name = `${s.health.hostname.replace(/[^A-Za-z0-9.-]/g, '_')}-backup.nsb`;
    if (fake.switches.backupFault === 'html') return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body>Please sign in</body></html>' };
    if (fake.switches.backupFault === 'unframed') return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: s.backup.subarray(0, s.backup.length >> 1), unframed: true };
    return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${name}"` }, body: s.backup };
  }

  function jumpClients(query: URLSearchParams): Answer {
    const s = fake.state;
    if (s.permissions.perm_configuration !== '1') return text(403, 'Forbidden');
    const positive = (name: string, fallback: number): number | undefined => {
      const raw = query.get(name);
      if (raw === null) return fallback;
      return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
    };
    const perPage = positive('per_page', 100);
    const page = positive('current_page', 1);
    if (perPage === undefined || page === undefined) return json(400, { message: 'per_page and current_page must be positive integers' });
    const fault = fake.switches.pagingFault;
    const total = { 'x-bt-pagination-total': String(fault === 'total-lies' ? Math.min(100, s.jumpClients.length) : s.jumpClients.length) };
    if (fake.switches.malformed) return { status: 200, headers: { 'content-type': 'application/json', ...total }, body: '[{"id": 1, "name": "JC-0' };
    const size = fault === 'small-pages' ? Math.min(perPage, 50) : perPage;
    const from = fault === 'same-page' ? 0 : (page - 1) * size;
    return json(200, s.jumpClients.slice(from, from + size), total);
  }

  function route(req: IncomingMessage, target: string, body: string): Answer {
    let url: URL;
    try {
      if (!target.startsWith('/') || target.startsWith('//')) return text(400, 'Bad Request');
      url = new URL(target, 'https://127.0.0.1');
    } catch {
      return text(400, 'Bad Request');
    }
    const sw = fake.switches;
    if (sw.redirectAway) return { status: 302, headers: { location: 'https://elsewhere.example/' }, body: '' };
    if (sw.rateLimited) return text(429, 'Too Many Requests', { 'retry-after': '30' });
    if (sw.serverError) {
      const dump = sw.echoAuthorization ? `<pre>Authorization: ${xml(req.headers.authorization ?? '')}</pre>\n` : '';
      return { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: SERVER_ERROR_PAGE + dump };
    }
    const method = req.method ?? '';
    switch (url.pathname) {
      case '/check_health':
        if (method !== 'GET') return notAllowed('GET');
        return fake.state.health.success ? text(200, 'OK') : text(500, '');
      case '/oauth2/token':
        if (method !== 'POST') return notAllowed('POST');
        return issueToken(req, body);
      case '/api/command':
        if (method !== 'GET') return notAllowed('GET');
        return authenticate(req.headers.authorization) ?? command(url.searchParams);
      case '/api/backup':
        if (method !== 'GET' && method !== 'POST') return notAllowed('GET, POST');
        return authenticate(req.headers.authorization) ?? backup(body);
      case '/api/config/v1/jump-client':
        if (method !== 'GET') return notAllowed('GET');
        return authenticate(req.headers.authorization) ?? jumpClients(url.searchParams);
      default:
        return text(404, 'Not Found');
    }
  }

  function send(res: ServerResponse, answer: Answer): void {
    if (res.headersSent || res.destroyed) return;
    const body = answer.body ?? '';
    if (answer.unframed) {
      // HTTP/1.0 style: no length, no chunks; the end is the connection closing (as when it drops).
      res.useChunkedEncodingByDefault = false;
      res.shouldKeepAlive = false;
      res.writeHead(answer.status, { ...answer.headers, connection: 'close' });
      res.end(body);
      return;
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) });
    const drip = fake.switches.dripMs;
    if (Number.isFinite(drip) && drip > 0) {
      const bytes = Buffer.from(body);
      let at = 0;
      const next = () => {
        if (res.destroyed) return;
        if (at >= bytes.length) {
          res.end();
          return;
        }
        res.write(bytes.subarray(at, at + 1));
        at += 1;
        const timer = setTimeout(() => { timers.delete(timer); next(); }, drip);
        timers.add(timer);
      };
      next();
      return;
    }
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '';
    const body = await readBody(req);
    fake.requests.push({ method: req.method ?? '', path: target, authorization: req.headers.authorization, body: body.ok ? body.text : '' });
    const answer = body.ok ? route(req, target, body.text) : text(413, 'Payload Too Large', { connection: 'close' });
    const delay = fake.switches.delayMs;
    if (Number.isFinite(delay) && delay > 0) {
      await new Promise<void>((done) => {
        const timer = setTimeout(() => { timers.delete(timer); done(); }, delay);
        timers.add(timer);
      });
    }
    send(res, answer);
  }

  server = createServer({ key: first.key, cert: first.cert }, (req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch(() => {
      try {
        send(res, text(500, 'Internal Server Error'));
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_error: Error, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.on('tlsClientError', () => undefined);

  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  server.on('error', () => undefined);
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `https://127.0.0.1:${fake.port}`;
  return fake;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8443' } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: not a port number: ${values.port}\n`);
    process.exit(2);
  }
  const fake = await startFakeAppliance(defaultFakeState(), port);
  const { clientId, clientSecret } = fake.state;
  process.stdout.write(`Fake BeyondTrust appliance\n  url:         ${fake.url}\n  fingerprint: ${fake.fingerprint}\n  client:      ${clientId} / ${clientSecret}\n`
    + `Try: curl -k -u ${clientId}:${clientSecret} -d grant_type=client_credentials ${fake.url}/oauth2/token\n`
    + 'Press Ctrl+C to stop.\n');
  const stop = (): void => { void fake.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
