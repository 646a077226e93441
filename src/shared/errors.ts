// Error codes of the HTTP contract (API.md) and their HTTP statuses, shared by server and web client.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEADLINE_PASSED: 409,
  QUOTA_EXCEEDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: ErrorDetail[];
  };
}

export type Lang = 'zh' | 'en';

/** Generic message per code, used when the domain gives none. */
export const DEFAULT_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; see the details' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到该对象', en: 'Not found' },
  CONFLICT: { zh: '数据已被他人修改或已存在，请刷新后重试', en: 'This was changed elsewhere or already exists; reload and try again' },
  INVALID_TRANSITION: { zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  DEADLINE_PASSED: { zh: '不在规定的时间范围内', en: 'Outside the allowed period' },
  QUOTA_EXCEEDED: { zh: '超出名额限制', en: 'The quota would be exceeded' },
  PAYLOAD_TOO_LARGE: { zh: '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的文件或内容类型', en: 'Unsupported file or content type' },
  IDEMPOTENCY_MISMATCH: { zh: '同一幂等键对应了不同的请求内容', en: 'The same idempotency key was used with a different request' },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
};

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
