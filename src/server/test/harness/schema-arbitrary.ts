// fast-check arbitraries from the JSON Schemas of the OpenAPI document (the routes' Zod schemas, converted): valid
// values, and hostile variants of them (wrong types, huge and strange strings, prototype keys, boundaries).
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Strings that have broken parsers, databases and renderers before. */
export const STRANGE_STRINGS = [
  '\uD800', // a lone high surrogate
  'a\uDFFFb', // a lone low surrogate
  '\u202Eevil\u202C', // right-to-left override
  'zero\u200Bwidth\u200D\uFEFF',
  'nul\u0000byte',
  '\u0000',
  'e\u0301\u0301\u0301', // combining marks
  '𠮷野家🚀👨‍👩‍👧',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '$(rm -rf /)',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '%00%2e%2e%2f',
  '\r\nSet-Cookie: x=1',
  ' ',
  '',
];

const MAX_GENERATED = 200;

/** Well-formed instants and dates at the ends of what ISO 8601 writes with four digits: year 0 (which PostgreSQL does
 * not have), a local time whose UTC instant falls in year 0 or year 10000, the epoch, leap days. */
export const EDGE_INSTANTS = ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-12:00', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z', '2024-02-29T12:00:00+08:00'];
export const EDGE_DATES = ['0000-01-01', '0001-01-01', '9999-12-31', '2024-02-29'];

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, Math.max(minLength, MAX_GENERATED));
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_INSTANTS) },
    );
  }
  if (schema.format === 'date') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATES) },
    );
  }
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot read: plain strings (most are refused, which is a fine probe too).
    }
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.constantFrom(...STRANGE_STRINGS).map((s) => (s.length >= minLength ? s : s.padEnd(minLength, 'x'))) },
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  const boundaries = fc.constantFrom(lo, hi, Math.min(Math.max(0, lo), hi));
  const inside = integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 3, arbitrary: inside }, { weight: 1, arbitrary: boundaries });
}

/** A value the schema accepts (as far as JSON Schema says; cross-field rules are the server's to refuse). */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(s, depth)));
  if (schema.allOf?.[0]) return validArbitrary(schema.allOf[0], depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string', 'number', 'boolean', 'null'];
  if (types.length > 1) return fc.oneof(...types.map((type) => validArbitrary({ ...schema, type }, depth)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 4, depth > 2 ? 1 : 4);
      return fc.array(validArbitrary(schema.items ?? {}, depth + 1), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validArbitrary(schema.additionalProperties, depth + 1), { maxKeys: 3 });
      }
      const record = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validArbitrary(s, depth + 1)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** Something of another type than the schema wants. */
const WRONG = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', 'x', [], {}, [[[]]], { nested: { deeper: [1] } }),
  fc.integer(),
  fc.string(),
);

const HUGE = fc.constantFrom('A'.repeat(200_000), '揭'.repeat(120_000), '\uD800'.repeat(5_000), '0'.repeat(1_000_000));

type Json = unknown;

/** Paths to every value inside a JSON value. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(value: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
  const [head, ...rest] = path;
  (copy as Record<string | number, Json>)[head!] = setAt((copy as Record<string | number, Json>)[head!], rest, replacement);
  return copy;
}

/** JSON text for a value, with extra members spliced into its top-level object (keys JSON.stringify would lose). */
export function jsonWithMembers(value: Json, members: Array<[string, Json]>): string {
  const base = JSON.stringify(value ?? null);
  if (members.length === 0 || !value || typeof value !== 'object' || Array.isArray(value)) return base;
  const extra = members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
  return base === '{}' ? `{${extra}}` : `${base.slice(0, -1)},${extra}}`;
}

export const POLLUTION_MEMBERS: Array<Array<[string, Json]>> = [
  [['__proto__', { polluted: true, isAdmin: true, roles: ['system_admin'] }]],
  [['constructor', { prototype: { polluted: true } }]],
  [['prototype', { polluted: true }]],
  [['__proto__', { status: 'winner' }], ['constructor', 'x']],
];

/** A hostile variant of a valid value: JSON text, and the kind of mutation (for the report). */
export function hostileBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ kind: string; text: string }> {
  return valid.chain((value) => {
    const all = paths(value);
    const at = fc.constantFrom(...all);
    return fc.oneof(
      fc.constant({ kind: 'valid', text: JSON.stringify(value ?? {}) }),
      fc.tuple(at, WRONG).map(([p, w]) => ({ kind: 'wrong type', text: JSON.stringify(setAt(value, p, w)) })),
      fc.tuple(at, HUGE).map(([p, h]) => ({ kind: 'huge string', text: JSON.stringify(setAt(value, p, h)) })),
      fc.tuple(at, fc.constantFrom(...STRANGE_STRINGS)).map(([p, s]) => ({ kind: 'unicode edge', text: JSON.stringify(setAt(value, p, s)) })),
      fc.tuple(at, fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 0.1 + 0.2)).map(([p, n]) => ({ kind: 'boundary number', text: JSON.stringify(setAt(value, p, n)) })),
      fc.constantFrom(...POLLUTION_MEMBERS).map((members) => ({ kind: 'prototype pollution', text: jsonWithMembers(value, members) })),
      fc.constantFrom('[]', '"text"', '123', 'null', '{"a":', '[' .repeat(3000) + ']'.repeat(3000), '{"a":1,"a":2}').map((text) => ({ kind: 'malformed JSON', text })),
    );
  });
}

/** Path parameter values: real ids, well-formed unknown ones, and hostile text. */
export function paramArbitrary(schema: JsonSchema, real: string | undefined): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(...STRANGE_STRINGS.filter(Boolean), 'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', '1 OR 1=1', '%', '%%32%65');
  const valid = validArbitrary(schema).map((v) => String(v));
  return real ? fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 2, arbitrary: valid }, { weight: 2, arbitrary: hostile }) : fc.oneof(valid, hostile);
}
