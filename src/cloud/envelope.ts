/**
 * The one answer shape of every function, over `callFunction` and over HTTP alike.
 * Errors carry a stable `code`, a Chinese `message` for the user and per-field messages; never a stack trace.
 */

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID'
  | 'CONFLICT'
  | 'STAGE_RULE'
  | 'LIMIT_REACHED'
  | 'RATE_LIMITED'
  | 'GONE'
  | 'UNAVAILABLE'
  | 'INTERNAL'

/** Dotted field path → messages (Chinese). Paths come from user input: build with `fieldErrorMap()`. */
export type FieldErrors = Record<string, string[]>

/** An empty FieldErrors without a prototype, so a path such as `constructor` or `__proto__` is just a key. */
export function fieldErrorMap(): FieldErrors {
  return Object.create(null) as FieldErrors
}

export interface OkEnvelope<T> {
  ok: true
  data: T
}

export interface ErrorEnvelope {
  ok: false
  code: ErrorCode
  message: string
  fieldErrors: FieldErrors
  /** The domain's own code when a domain rule refused (e.g. the stage machine's). */
  reason?: string
  /** RATE_LIMITED only: seconds until the caller may try again (HTTP `Retry-After`). */
  retryAfterSeconds?: number
}

export type Envelope<T> = OkEnvelope<T> | ErrorEnvelope

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在或无权访问',
  INVALID: '提交的内容有误，请检查后重试',
  CONFLICT: '记录已在别处修改，请刷新后再试',
  STAGE_RULE: '当前阶段不能执行此操作',
  LIMIT_REACHED: '已达到数量上限',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  GONE: '链接已失效',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '服务出错了，请稍后再试'
}

/** HTTP status for each code (the local server answers 4xx/5xx with the same envelope). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  STAGE_RULE: 422,
  LIMIT_REACHED: 429,
  RATE_LIMITED: 429,
  GONE: 410,
  UNAVAILABLE: 503,
  INTERNAL: 500
}

/** The answer to a caller over its rate limit (429 with `Retry-After` over HTTP). */
export function rateLimited(retryAfterSeconds: number): ErrorEnvelope {
  return { ...fail('RATE_LIMITED'), retryAfterSeconds }
}

/** Thrown inside handlers; the dispatcher turns it into an ErrorEnvelope. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fieldErrors: FieldErrors
  readonly reason?: string

  constructor(code: ErrorCode, message?: string, fieldErrors: FieldErrors = {}, reason?: string) {
    super(message ?? DEFAULT_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.fieldErrors = fieldErrors
    this.reason = reason
  }
}

/** Missing server configuration (e.g. no data key): reported as UNAVAILABLE, never as a crash. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

export function ok<T>(data: T): OkEnvelope<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message?: string, fieldErrors: FieldErrors = {}, reason?: string): ErrorEnvelope {
  const envelope: ErrorEnvelope = { ok: false, code, message: message ?? DEFAULT_MESSAGES[code], fieldErrors }
  if (reason) envelope.reason = reason
  return envelope
}
