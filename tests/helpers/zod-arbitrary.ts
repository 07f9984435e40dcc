/**
 * Arguments for an IPC channel, derived from its zod input schema: the right shape most of the time
 * (so calls get past validation and into the services), with hostile, huge or wrongly typed values
 * anywhere, and now and then something else entirely.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { fileContent, number, text, VERSIONS } from './fuzz-inputs.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A value of the wrong type or shape, for any position. */
const stray: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, undefined, true, [], {}), number, fc.jsonValue());

const fromKnown = (known: readonly string[]) => fc.nat().map((i) => known[i % known.length] ?? 'none');

/**
 * A string for the field `key`: ids, handles and fingerprints mostly from earlier answers, versions
 * mostly versions, pasted key text mostly file-like content, so calls get past validation.
 */
function stringFor(key: string, known: readonly string[]): fc.Arbitrary<string> {
  const likely = /id$|handle|fingerprint/i.test(key) ? fromKnown(known)
    : /^(base|site|target|targetBase)$/.test(key) ? fc.constantFrom(...VERSIONS)
      : key === 'text' ? fileContent.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('latin1')))
        : null;
  return likely ? fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: text(known), weight: 1 }) : text(known);
}

/** Values shaped by `schema`; `known` feeds strings seen in earlier answers (ids, handles, fingerprints). */
export function shapedBy(schema: z.ZodType, known: readonly string[], depth = 0, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType, k = key) => shapedBy(s, known, depth + 1, k);
  let shaped: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'object': {
      const keys = Object.entries(def.shape ?? {});
      shaped = fc.record(Object.fromEntries(keys.map(([k, v]) => [k, inner(v, k)])), { requiredKeys: keys.filter(([, v]) => !isOptional(v)).map(([k]) => k) });
      break;
    }
    case 'optional': case 'default': case 'nullable': case 'readonly': case 'prefault': case 'catch': case 'nonoptional':
      shaped = def.type === 'nullable' ? fc.oneof(fc.constant(null), inner(def.innerType!)) : inner(def.innerType!);
      break;
    case 'array': shaped = fc.array(inner(def.element!), { maxLength: 4 }); break;
    case 'union': shaped = fc.oneof(...def.options!.map((o) => inner(o))); break;
    case 'enum': shaped = fc.constantFrom(...Object.values(def.entries ?? {})); break;
    case 'literal': shaped = fc.constantFrom(...(def.values ?? [])); break;
    case 'pipe': shaped = inner(def.in!); break;
    case 'record': shaped = fc.dictionary(text(known), inner(def.valueType!), { maxKeys: 3 }); break;
    case 'string': shaped = stringFor(key, known); break;
    case 'number': shaped = number; break;
    case 'boolean': shaped = fc.boolean(); break;
    default: shaped = stray;
  }
  // Mostly the right shape; sometimes anything at all in its place.
  return depth > 6 ? shaped : fc.oneof({ arbitrary: shaped, weight: 12 }, { arbitrary: stray, weight: 1 });
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}
