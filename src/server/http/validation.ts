// Request validation with Zod: keeps the raw issues so the error handler can word them in the caller's language.
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import type { ErrorDetail, Lang } from '../../shared/errors.js';
import { VALIDATION_MESSAGES } from '../../shared/validation-messages.js';

export type ValidationPart = 'body' | 'querystring' | 'params' | 'headers';

export class RequestValidationError extends Error {
  readonly issues: $ZodIssue[];
  /** Set by Fastify to the part of the request that failed. */
  validationContext?: ValidationPart;
  statusCode = 400;

  constructor(issues: $ZodIssue[]) {
    super('request validation failed');
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}

/** NUL and unpaired surrogates: no PostgreSQL text or jsonb value can hold them, so they never reach a query. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No request part of ours nests deeper than this; deeper JSON is refused before any recursive code sees it. */
const MAX_DEPTH = 32;

/** Paths of strings (values or keys) in a request part that no database text may hold, and of nesting too deep. */
export function invalidTextPaths(data: unknown): Array<{ path: PropertyKey[]; message: 'invalidText' | 'tooDeep' }> {
  const found: Array<{ path: PropertyKey[]; message: 'invalidText' | 'tooDeep' }> = [];
  const stack: Array<[unknown, PropertyKey[]]> = [[data, []]];
  while (stack.length > 0 && found.length < 50) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (INVALID_TEXT.test(value)) found.push({ path, message: 'invalidText' });
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_DEPTH) {
        found.push({ path, message: 'tooDeep' });
        continue;
      }
      for (const [k, v] of Object.entries(value)) {
        const key = Array.isArray(value) ? Number(k) : k;
        if (typeof key === 'string' && INVALID_TEXT.test(key)) found.push({ path: [...path, key], message: 'invalidText' });
        else stack.push([v, [...path, key]]);
      }
    }
  }
  return found;
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const invalid = invalidTextPaths(data);
    if (invalid.length > 0) {
      return { error: new RequestValidationError(invalid.map(({ path, message }) => ({ code: 'custom', path, message, input: undefined }) as unknown as $ZodIssue)) };
    }
    // reportInput keeps the offending value on the issue so "missing" can be told from "wrong type".
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

function localeMessage(issue: $ZodIssue, lang: Lang): string {
  const fn = lang === 'zh' ? zhLocale : enLocale;
  const produced = fn(issue as never);
  if (typeof produced === 'string') return produced;
  return produced?.message ?? issue.message;
}

/** One issue in the caller's language. Custom messages are keys of VALIDATION_MESSAGES. */
export function describeIssue(issue: $ZodIssue, lang: Lang): string {
  const known = VALIDATION_MESSAGES[issue.message];
  if (known) return known[lang];
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    return VALIDATION_MESSAGES.required![lang];
  }
  return localeMessage(issue, lang);
}

function joinPath(prefix: string | undefined, path: PropertyKey[]): string {
  const parts = path.map((p) => String(p));
  if (prefix) parts.unshift(prefix);
  return parts.join('.');
}

/** Field-level details for the error body; body fields are named plainly, other parts get a prefix. */
export function issuesToDetails(issues: $ZodIssue[], lang: Lang, part?: ValidationPart): ErrorDetail[] {
  const prefix = part === 'body' || part === undefined ? undefined : part === 'querystring' ? 'query' : part;
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ path: joinPath(prefix, [...issue.path, key]), message: VALIDATION_MESSAGES.unknownField![lang] });
      }
    } else {
      details.push({ path: joinPath(prefix, issue.path), message: describeIssue(issue, lang) });
    }
  }
  return details;
}
