/**
 * Turns one call `{ action, data }` into one envelope: identity first, then the action's schema, then the
 * handler. Whatever happens inside, the caller gets `{ ok: false, code, message, fieldErrors }`, never a throw.
 */
import { z } from 'zod'
import {
  AppError,
  ConfigurationError,
  fail,
  fieldErrorMap,
  ok,
  type Envelope,
  type ErrorEnvelope,
  type FieldErrors
} from './envelope'
import type { ActionDef, Deps } from './context'
import type { Identity } from './ports'

/** Chinese messages for schema failures. */
export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : '类型不正确' }
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'string' ? `不能超过 ${issue.maximum} 个字符` : `不能超过 ${issue.maximum} 项` }
    case z.ZodIssueCode.too_small:
      return { message: issue.type === 'string' ? `至少 ${issue.minimum} 个字符` : `至少 ${issue.minimum} 项` }
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_union:
      return { message: '不是允许的取值' }
    case z.ZodIssueCode.unrecognized_keys:
      return { message: '不允许的字段' }
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不正确' }
    case z.ZodIssueCode.custom:
      return { message: issue.message ?? '内容不正确' }
    default:
      return { message: ctx.defaultError && /[\u4e00-\u9fff]/.test(ctx.defaultError) ? ctx.defaultError : '内容不正确' }
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  // keys are paths from the caller's input: a plain `{}` would find `constructor` & co. already there
  const out = fieldErrorMap()
  const add = (path: string, message: string) => {
    const key = path || '_'
    const list = (out[key] ??= [])
    if (!list.includes(message)) list.push(message)
  }
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const k of issue.keys) add(path ? `${path}.${k}` : k, '不允许的字段')
    } else add(path, issue.message)
  }
  return out
}

const eventSchema = z.object({ action: z.string().max(40), data: z.unknown().optional() })

/** Checked once the caller is known, before the input: e.g. a per-user rate limit. Null lets the call through. */
export type CallGuard = (action: string, userId: string) => ErrorEnvelope | null

export async function dispatch(
  fn: string,
  actions: Record<string, ActionDef>,
  event: unknown,
  identity: Identity,
  deps: Deps,
  guard?: CallGuard
): Promise<Envelope<unknown>> {
  try {
    // Only `action` and `data` are read; platforms add their own keys at the top level (e.g. WeChat's userInfo).
    const parsed = eventSchema.safeParse(event)
    if (!parsed.success) return fail('INVALID', '请求格式不正确', { action: ['必填'] })
    const { action, data } = parsed.data
    const def = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined
    if (!def) return fail('INVALID', '不支持的操作', { action: ['不是允许的取值'] })

    const userId = await identity.userId()
    if (!userId) return fail('UNAUTHENTICATED')
    const refused = guard?.(action, userId)
    if (refused) return refused

    const input = def.schema.safeParse(data ?? {}, { errorMap: zhErrorMap })
    if (!input.success) return fail('INVALID', undefined, zodFieldErrors(input.error))

    return ok(await def.run({ deps, userId, now: deps.clock.now() }, input.data))
  } catch (err) {
    return errorEnvelope(err, fn, deps)
  }
}

/** Any error → envelope; unknown errors are logged by name only (messages may carry data). */
export function errorEnvelope(err: unknown, fn: string, deps: Pick<Deps, 'logger'>): Envelope<never> {
  if (err instanceof AppError) return fail(err.code, err.message, err.fieldErrors, err.reason)
  if (err instanceof ConfigurationError) {
    deps.logger.error('configuration', { fn, problem: err.message })
    return fail('UNAVAILABLE', '服务尚未配置完成，请联系管理员')
  }
  deps.logger.error('unexpected', { fn, error: err instanceof Error ? err.name : typeof err })
  return fail('INTERNAL')
}
