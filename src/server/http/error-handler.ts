// The one error handler: every failure leaves as { error: { code, message, details? } } in the caller's language.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../shared/errors.js';
import { VALIDATION_MESSAGES } from '../../shared/validation-messages.js';
import { AppError } from './app-error.js';
import { RequestValidationError, issuesToDetails } from './validation.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_MISMATCH',
  429: 'RATE_LIMITED',
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message?: string,
  details?: ErrorDetail[],
): FastifyReply {
  const body: ErrorBody = { error: { code, message: message ?? DEFAULT_MESSAGES[code][request.lang] } };
  if (details && details.length > 0) body.error.details = details;
  // Errors are never cached, whatever route raised them.
  return reply.code(ERROR_STATUS[code]).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/**
 * What a failure's log line may carry (QUALITY S12): the error's kind, message and stack without the query's
 * parameters (Drizzle puts them on a `params:` line), and of a database error only its code and the constraint,
 * table and column it names — never its message or detail, which echo the values (phones, e-mails) it refused.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const e = (error ?? {}) as { name?: string; message?: string; stack?: string; code?: string; cause?: unknown };
  const strip = (text?: string) => text?.split('\n').filter((line) => !/^\s*params:/.test(line)).join('\n');
  const cause = e.cause && typeof e.cause === 'object' ? (e.cause as Record<string, unknown>) : null;
  const db = cause && typeof cause.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code)
    ? { code: cause.code, constraint: cause.constraint, table: cause.table, column: cause.column, routine: cause.routine }
    : undefined;
  return { name: e.name, code: e.code, message: strip(e.message), stack: strip(e.stack), ...(db ? { db } : {}) };
}

/** Maps Fastify's own errors (body parsing, limits) to our codes; a detail key names the body-level reason. */
function mapFastifyError(error: FastifyError): { code: ErrorCode; detailKey?: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'VALIDATION_FAILED', detailKey: 'invalidJson' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION_FAILED', detailKey: 'emptyBody' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
    default:
      break;
  }
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) return { code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED' };
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang = request.lang;
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendError(request, reply, error.code, error.localized[lang], error.localizedDetails(lang));
    }
    if (error instanceof RequestValidationError) {
      return sendError(request, reply, 'VALIDATION_FAILED', undefined, issuesToDetails(error.issues, lang, error.validationContext));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: loggableError(error), issues: error.cause.issues.map((i) => ({ path: i.path, code: i.code })) }, 'response did not match its schema');
      return sendError(request, reply, 'INTERNAL');
    }
    const mapped = mapFastifyError(error as FastifyError);
    if (mapped) {
      const detail = mapped.detailKey ? VALIDATION_MESSAGES[mapped.detailKey] : undefined;
      return sendError(request, reply, mapped.code, undefined, detail ? [{ path: '', message: detail[lang] }] : undefined);
    }
    // Anything else is our fault: log it with the request id, tell the client nothing internal.
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
