/**
 * Reading the appliance's documented answers tolerantly. The command API answers XML whose root and
 * namespace are not in what we have, so its elements are found by local name under any root
 * (fast-xml-parser with namespace prefixes removed); a document type is refused (no entity tricks).
 * The Jump Client list is JSON, checked per field with zod.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';

type XmlNode = string | number | boolean | null | XmlNode[] | { [key: string]: XmlNode };

/** The appliance's health, as `check_health` reports it. */
export interface Health {
  applianceId: string | null;
  hostname: string | null;
  /** The software version (the first dotted number of `<version>`), null when it holds none. */
  version: string | null;
  /** `<version>` as the appliance wrote it (version and build). */
  versionText: string | null;
  success: boolean;
  errorMessage: string | null;
  failoverRole: 'none' | 'primary' | 'backup';
  sharedIps: string[];
  lastDataSync: { at: string; status: string } | null;
}

/** What `get_api_info` says about the API and the account. */
export interface ApiInfo {
  apiVersion: string | null;
  timestamp: string | null;
  /** Permission name → value (`1`/`0`, or `full`/`read_only`/`deny` for the command API); empty when not stated. */
  permissions: Record<string, string>;
}

/** An answer that is not what the documentation describes. */
export function unexpected(what: string, reason: string, details: Record<string, unknown> = {}): FerryError {
  return new FerryError('LINK_ANSWER_UNEXPECTED', `The appliance's answer to ${what} is not as documented: ${reason}`, { what, reason, ...details });
}

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false,
  trimValues: true, processEntities: true, htmlEntities: false,
});

/** Parses an XML answer; LINK_ANSWER_UNEXPECTED when it is not well-formed or declares a document type. */
export function parseXml(text: string, what: string): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw unexpected(what, 'it declares a document type');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw unexpected(what, `not well-formed XML (line ${valid.err.line}: ${valid.err.msg.slice(0, 120)})`);
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // The parser's own refusals (nesting too deep, reserved names such as __proto__) are answers not as documented.
    throw unexpected(what, `the XML cannot be read (${(error as Error).message.slice(0, 120)})`);
  }
}

/** Every element named `name` (local name) anywhere under `node`, in document order. */
export function findAll(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) {
    for (const n of node) findAll(n, name, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      if (key === name) {
        if (Array.isArray(value)) out.push(...value);
        else out.push(value);
      }
      findAll(value, name, out);
    }
  }
  return out;
}

/** The text of an element (`#text` when it has attributes). */
export function textOf(node: XmlNode | undefined): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node).trim();
  if (!Array.isArray(node)) {
    const text = node['#text'];
    if (text !== undefined) return textOf(text);
    return Object.keys(node).some((k) => !k.startsWith('@')) ? null : '';
  }
  return null;
}

function attributeOf(node: XmlNode | undefined, name: string): string | null {
  if (node === null || node === undefined || typeof node !== 'object' || Array.isArray(node)) return null;
  const value = node[`@${name}`];
  return value === undefined || value === null ? null : String(value);
}

const first = (root: XmlNode, name: string) => findAll(root, name)[0];

/** `check_health` read by its documented elements; LINK_ANSWER_UNEXPECTED when `<success>` or `<version>` is missing. */
export function readHealth(text: string): Health {
  const what = 'check_health';
  const root = parseXml(text, what);
  const success = textOf(first(root, 'success'));
  if (success !== '1' && success !== '0') throw unexpected(what, '<success> is missing or not 1/0');
  const versionText = textOf(first(root, 'version'));
  if (versionText === null) throw unexpected(what, '<version> is missing');
  const appliance = first(root, 'appliance');
  const role = (textOf(first(root, 'failover_role')) ?? 'none').toLowerCase();
  if (role !== 'none' && role !== 'primary' && role !== 'backup') throw unexpected(what, `<failover_role> is "${role.slice(0, 40)}", not none, primary or backup`);
  const syncNode = first(root, 'last_data_sync_time');
  let lastDataSync: Health['lastDataSync'] = null;
  if (syncNode !== undefined) {
    const ts = attributeOf(syncNode, 'ts');
    const iso = textOf(syncNode);
    // The unix timestamp is UTC by definition; the ISO text is taken when it carries no usable ts.
    const at = ts !== null && /^\d{1,10}$/.test(ts) ? new Date(Number(ts) * 1000) : iso ? parseInstant(iso) : null;
    if (at === null || Number.isNaN(at.getTime())) throw unexpected(what, '<last_data_sync_time> holds no time');
    lastDataSync = { at: at.toISOString(), status: textOf(first(root, 'last_data_sync_status')) ?? '' };
  }
  return {
    applianceId: attributeOf(appliance, 'id'),
    hostname: textOf(appliance),
    version: /\d+(?:\.\d+)+/.exec(versionText)?.[0] ?? null,
    versionText,
    success: success === '1',
    errorMessage: textOf(first(root, 'error_message')),
    failoverRole: role,
    sharedIps: findAll(first(root, 'enabled_shared_ips') ?? null, 'ip').map(textOf).filter((t): t is string => !!t),
    lastDataSync,
  };
}

/**
 * `get_api_info`: its version, time and the account's permissions. The permissions' exact shape is
 * not in what we have, so both are read: `<permission name="perm_x" value="1"/>` (or the value as
 * text) and `<perm_x>1</perm_x>`.
 */
export function readApiInfo(text: string): ApiInfo {
  const root = parseXml(text, 'get_api_info');
  const permissions: Record<string, string> = {};
  const block = first(root, 'permissions');
  if (block !== undefined && block !== null && typeof block === 'object') {
    for (const p of findAll(block, 'permission')) {
      const name = attributeOf(p, 'name');
      const value = attributeOf(p, 'value') ?? textOf(p);
      if (name && /^perm_[a-z_]{1,60}$/.test(name) && value !== null) permissions[name] = value.toLowerCase().slice(0, 40);
    }
    if (!Array.isArray(block)) {
      for (const [key, value] of Object.entries(block)) {
        const v = textOf(value);
        if (/^perm_[a-z_]{1,60}$/.test(key) && v !== null && v !== '') permissions[key] = v.toLowerCase().slice(0, 40);
      }
    }
  }
  const ts = textOf(first(root, 'timestamp'));
  return {
    apiVersion: textOf(first(root, 'api_version')),
    timestamp: ts && /^\d{1,10}$/.test(ts) ? new Date(Number(ts) * 1000).toISOString() : ts ? (parseInstant(ts)?.toISOString() ?? null) : null,
    permissions,
  };
}

/** One Jump Client as the configuration API lists it (the documented fields; others ignored). */
const JumpClientSchema = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string().max(1000),
  needs_update: z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1),
  last_connect_timestamp: z.union([z.string().max(100), z.number(), z.null()]).optional(),
  fqdn: z.string().max(1000).nullish(),
});

/** A Jump Client from the appliance. */
export interface ApplianceJumpClient {
  id: string;
  name: string;
  needsUpdate: boolean;
  /** The last connection as an ISO-8601 instant, or the text as given when it is none, or null. */
  lastConnect: string | null;
  lastConnectAt: Date | null;
}

/** One page of the Jump Client list. */
export function readJumpClientPage(text: string): ApplianceJumpClient[] {
  const what = 'the Jump Client list';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unexpected(what, 'not JSON');
  }
  const page = z.array(JumpClientSchema).safeParse(data);
  if (!page.success) throw unexpected(what, `not a list of Jump Clients (${page.error.issues[0]?.path.join('.') ?? ''}: ${page.error.issues[0]?.message ?? ''})`);
  return page.data.map((c) => {
    const raw = c.last_connect_timestamp;
    // Unix seconds as documented elsewhere; a figure that large can only be milliseconds.
    const at = typeof raw === 'number' ? new Date(raw > 1e11 ? raw : raw * 1000) : typeof raw === 'string' && raw !== '' ? parseInstant(raw) : null;
    const valid = at !== null && !Number.isNaN(at.getTime()) ? at : null;
    return {
      id: String(c.id), name: c.name, needsUpdate: c.needs_update,
      lastConnect: valid ? valid.toISOString() : typeof raw === 'string' && raw !== '' ? raw : null,
      lastConnectAt: valid,
    };
  });
}
