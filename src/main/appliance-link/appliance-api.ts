/**
 * The appliance's documented read-only APIs, over the pinned connection: an OAuth token from the API
 * account (client credentials, HTTP Basic), then `check_health`, `get_api_info`, the settings backup
 * and the Jump Client list. Ferry never calls anything that changes the appliance. A 401 on a token
 * that should still be valid gets one new token and one retry, no more. Every failure has a code;
 * an answer that is not as documented is saved for support (the secret and token blanked out).
 */
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { FerryError } from '../../shared/errors.ts';
import { readApiInfo, readHealth, readJumpClientPage, unexpected, type ApiInfo, type ApplianceJumpClient, type Health } from './answers.ts';
import { pinnedRequest, type LinkRequest, type LinkResponse } from './pinned-https.ts';

/** How Ferry reaches one appliance. */
export interface LinkTarget {
  origin: URL;
  clientId: string;
  secret: string;
  pin: string;
}

export interface ApiOptions {
  timeoutMs?: number;
  /** Saves an unexpected answer for support; returns where (or null). */
  saveAnswer?: (label: string, text: string) => string | null;
  now?: () => Date;
}

/** The largest XML or JSON answer read whole. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** The largest settings backup taken (recordings are never in it). */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024 * 1024;
/** Jump Clients per page (the documented example) and the most pages read. */
const PER_PAGE = 100;
const MAX_PAGES = 10_000;

const TokenSchema = z.object({
  // Printable ASCII only: it goes into a header.
  access_token: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/),
  token_type: z.string().regex(/^bearer$/i),
  // RFC 6749 only recommends it: absent means the documented hour.
  expires_in: z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)]).pipe(z.number().positive().max(10 * 365 * 24 * 3600)).optional(),
});

/** Content types of error pages and API errors, never of a settings backup. */
const NOT_A_BACKUP = /^(text\/|application\/(json|xml|problem))/i;
/** The longest the whole Jump Client list may take to read. */
const JUMP_CLIENTS_DEADLINE_MS = 10 * 60_000;

/** The permission each reading needs, as `get_api_info` names it, and the values that allow it. */
export const NEEDED = {
  status: { permission: 'perm_command', allows: ['full', 'read_only', 'read-only', '1'], words: 'the command API (read-only is enough)' },
  backup: { permission: 'perm_backup', allows: ['1', 'true'], words: 'the backup API' },
  jumpClients: { permission: 'perm_configuration', allows: ['1', 'true'], words: 'the configuration API' },
} as const;

/** Refuses up front when `get_api_info` says the account lacks what `need` asks (an unstated permission is tried). */
export function requirePermission(info: ApiInfo, need: keyof typeof NEEDED): void {
  const { permission, allows, words } = NEEDED[need];
  const value = info.permissions[permission];
  if (value !== undefined && !(allows as readonly string[]).includes(value)) {
    throw new FerryError('LINK_PERMISSION_MISSING', `The API account may not use ${words} (${permission} is ${value.slice(0, 20)})`, { permission, value: value.slice(0, 20), need });
  }
}

/** One appliance's API, with its token kept for as long as it is valid. */
export class ApplianceApi {
  private token: { value: string; until: number } | null = null;
  private readonly target: LinkTarget;
  private readonly timeoutMs: number;
  private readonly saveAnswer: (label: string, text: string) => string | null;
  private readonly now: () => Date;

  constructor(target: LinkTarget, options: ApiOptions = {}) {
    this.target = target;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.saveAnswer = options.saveAnswer ?? (() => null);
    this.now = options.now ?? (() => new Date());
  }

  /** `get_api_info`: the API version and the account's permissions. */
  async apiInfo(signal?: AbortSignal): Promise<ApiInfo> {
    const res = await this.call('get_api_info', { method: 'GET', path: '/api/command?action=get_api_info' }, 'command', signal);
    return this.read('get_api_info', res, () => readApiInfo(res.body.toString('utf8')));
  }

  /** `check_health`: version, failover role, health and the last data sync. */
  async health(signal?: AbortSignal): Promise<Health> {
    const res = await this.call('check_health', { method: 'GET', path: '/api/command?action=check_health' }, 'command', signal);
    return this.read('check_health', res, () => readHealth(res.body.toString('utf8')));
  }

  /** The settings backup streamed into `sink`; the password (if any) goes in the body as documented. */
  async backup(sink: Writable, password: string | null, signal?: AbortSignal): Promise<{ size: number; fileName: string | null }> {
    const req: LinkRequest = password === null
      ? { method: 'GET', path: '/api/backup' }
      : { method: 'POST', path: '/api/backup', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) };
    const res = await this.call('backup', req, 'backup', signal, sink);
    if (res.streamed === 0) throw this.unexpectedAnswer('backup', res, 'the backup is empty');
    // A connection dropped midway must not pass for a whole backup, nor a sign-in or error page for one.
    if (!res.framed) throw this.unexpectedAnswer('backup', res, 'the answer does not say where it ends (no Content-Length, not chunked)');
    const type = String(res.headers['content-type'] ?? '');
    if (NOT_A_BACKUP.test(type)) throw this.unexpectedAnswer('backup', res, `the answer is ${type.slice(0, 60)}, not a backup file`);
    const disposition = String(res.headers['content-disposition'] ?? '');
    const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
    return { size: res.streamed, fileName };
  }

  /** Every Jump Client, page by page (the total from `X-BT-Pagination-Total`). */
  async jumpClients(signal?: AbortSignal, onPage: (read: number, total: number | null) => void = () => undefined): Promise<ApplianceJumpClient[]> {
    const all: ApplianceJumpClient[] = [];
    const ids = new Set<string>();
    const started = this.now().getTime();
    let total: number | null = null;
    // Page by page until an empty page, the stated total only a cross-check: a server that pages by fewer
    // than asked, or states no total, still gives every client; one that repeats a page or miscounts is said so.
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      if (this.now().getTime() - started > JUMP_CLIENTS_DEADLINE_MS) throw new FerryError('LINK_UNREACHABLE', `${this.target.origin.host}: the Jump Client list took longer than ${JUMP_CLIENTS_DEADLINE_MS / 60_000} min`, { host: this.target.origin.host, cause: 'timeout' });
      const res = await this.call('jump-client', { method: 'GET', path: `/api/config/v1/jump-client?per_page=${PER_PAGE}&current_page=${page}` }, 'configuration', signal);
      const clients = this.read('jump-client', res, () => readJumpClientPage(res.body.toString('utf8')));
      const totalText = res.headers['x-bt-pagination-total'];
      if (typeof totalText === 'string' && /^\d{1,9}$/.test(totalText.trim())) total = Number(totalText);
      for (const c of clients) {
        if (ids.has(c.id)) throw this.unexpectedAnswer('jump-client', res, `client ${c.id.slice(0, 40)} came twice (page ${page}): the appliance does not page as documented`);
        ids.add(c.id);
        all.push(c);
      }
      onPage(all.length, total);
      if (clients.length === 0) {
        if (total !== null && all.length !== total) throw this.unexpectedAnswer('jump-client', res, `the appliance states ${total} clients but listed ${all.length}`);
        return all;
      }
    }
    throw unexpected('the Jump Client list', `more than ${MAX_PAGES} pages`);
  }

  private read<T>(what: string, res: LinkResponse, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof FerryError && error.code === 'LINK_ANSWER_UNEXPECTED') {
        const saved = this.saveAnswer(what, this.describe(res));
        throw new FerryError(error.code, error.message, { ...error.details, ...(saved ? { savedAnswer: saved } : {}) });
      }
      throw error;
    }
  }

  private async accessToken(signal?: AbortSignal): Promise<{ value: string; fresh: boolean }> {
    if (this.token && this.token.until > this.now().getTime()) return { value: this.token.value, fresh: false };
    const basic = Buffer.from(`${this.target.clientId}:${this.target.secret}`, 'utf8').toString('base64');
    const res = await this.send({
      method: 'POST', path: '/oauth2/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }, signal);
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      throw new FerryError('LINK_AUTH_FAILED', `${this.target.origin.host} refused the API account's client id or secret (HTTP ${res.status})`, { status: res.status, host: this.target.origin.host });
    }
    this.common('token', res);
    let parsed: z.infer<typeof TokenSchema>;
    try {
      parsed = TokenSchema.parse(JSON.parse(res.body.toString('utf8')));
    } catch {
      throw this.unexpectedAnswer('token', res, 'no bearer token in the answer');
    }
    // Renewed a minute early, so a token never runs out between being taken and being used.
    this.token = { value: parsed.access_token, until: this.now().getTime() + Math.max(0, (parsed.expires_in ?? 3600) - 60) * 1000 };
    return { value: parsed.access_token, fresh: true };
  }

  private async call(what: string, req: LinkRequest, api: 'command' | 'backup' | 'configuration', signal?: AbortSignal, sink?: Writable): Promise<LinkResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken(signal);
      const res = await this.send({ ...req, headers: { ...req.headers, authorization: `Bearer ${token.value}` } }, signal, sink);
      if (res.status === 401) {
        this.token = null;
        // One new token and one retry for a token that should still have been valid; no more.
        if (!token.fresh && attempt === 0) continue;
        throw new FerryError('LINK_AUTH_FAILED', `${this.target.origin.host} refused a fresh token for ${what} (HTTP 401): the secret was regenerated, the account disabled or the API switched off`, { status: 401, what });
      }
      if (res.status === 403) {
        throw new FerryError('LINK_PERMISSION_MISSING', `The API account may not use the ${api} API (${what}: HTTP 403)`, { status: 403, what, api });
      }
      this.common(what, res);
      return res;
    }
  }

  /** What every answer is checked for: rate limits, redirects (never followed), other failures. */
  private common(what: string, res: LinkResponse): void {
    if (res.status === 429) {
      const after = String(res.headers['retry-after'] ?? '');
      const seconds = /^\d{1,6}$/.test(after) ? Number(after) : null;
      throw new FerryError('LINK_RATE_LIMITED', `${this.target.origin.host} is limiting API requests${seconds !== null ? `; try again in ${seconds} s` : ''}`, { what, retryAfterSeconds: seconds });
    }
    if (res.status >= 300 && res.status < 400) {
      throw this.unexpectedAnswer(what, res, `a redirect (HTTP ${res.status}), which Ferry does not follow`);
    }
    if (res.status < 200 || res.status >= 300) throw this.unexpectedAnswer(what, res, `HTTP ${res.status}`);
  }

  private unexpectedAnswer(what: string, res: LinkResponse, reason: string): FerryError {
    const saved = this.saveAnswer(what, this.describe(res));
    return unexpected(what, reason, { status: res.status, ...(saved ? { savedAnswer: saved } : {}) });
  }

  /** The answer as text for support: status, headers, body — with the secret and the token blanked. */
  private describe(res: LinkResponse): string {
    const headers = Object.entries(res.headers).filter(([k]) => k !== 'set-cookie').map(([k, v]) => `${k}: ${String(v)}`).join('\n');
    // The whole body is blanked before it is cut, so no part of a secret at the cut survives.
    let text = `HTTP ${res.status}\n${headers}\n\n${res.body.toString('utf8')}`;
    const secret = this.target.secret;
    const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), this.token?.value, Buffer.from(`${this.target.clientId}:${secret}`).toString('base64')];
    for (const form of forms) {
      if (form) text = text.split(form).join('[redacted]');
    }
    // Any token in the answer (one not taken yet, a refresh token), whatever it is.
    text = text.replace(/("(?:access|refresh)_token"\s*:\s*")[^"]*"/g, '$1[redacted]"');
    return text.slice(0, 1024 * 1024);
  }

  private send(req: LinkRequest, signal?: AbortSignal, sink?: Writable): Promise<LinkResponse> {
    return pinnedRequest(this.target.origin, this.target.pin, req, {
      timeoutMs: this.timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal,
      ...(sink ? { sink, maxStreamBytes: MAX_BACKUP_BYTES } : {}),
    });
  }
}
