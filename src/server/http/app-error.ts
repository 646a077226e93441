// The one error type domain code throws; the error handler turns it into the API's error shape.
import { DEFAULT_MESSAGES, type ErrorCode, type ErrorDetail, type Lang } from '../../shared/errors.js';

/** A message in both languages; the handler picks the caller's. */
export type Localized = Record<Lang, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly localized: Localized;
  readonly details: Array<{ path: string; message: Localized }> | undefined;
  /** Extra response headers, e.g. Retry-After for RATE_LIMITED. */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: Localized,
    options: { details?: Array<{ path: string; message: Localized }>; headers?: Record<string, string> } = {},
  ) {
    const localized = message ?? DEFAULT_MESSAGES[code];
    super(localized.en);
    this.name = 'AppError';
    this.code = code;
    this.localized = localized;
    this.details = options.details;
    this.headers = options.headers;
  }

  localizedDetails(lang: Lang): ErrorDetail[] | undefined {
    return this.details?.map((d) => ({ path: d.path, message: d.message[lang] }));
  }
}

export const notFound = () => new AppError('NOT_FOUND');

/** VALIDATION_FAILED naming the fields and why; `problems` may hold several at once. */
export function invalidFields(problems: Array<{ path: string; message: Localized }>): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { details: problems });
}
