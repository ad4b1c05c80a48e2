/** Small helpers the platform-filing tests share. */
import type { MapResult, SubmissionInput } from '../../../../src/domain/platform-filing'

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

/** The value at a dotted path ('a.b.0.c'). */
export function at(obj: unknown, path: string): unknown {
  let node = obj
  for (const k of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[k]
  }
  return node
}

/** A copy of the input with dotted paths set (paths start at the input: 'form.owner.name', 'profile.ownerType'). */
export function withChanges(input: SubmissionInput, changes: Record<string, unknown>): SubmissionInput {
  const copy = clone(input) as unknown as Record<string, unknown>
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.')
    let node = copy
    for (const k of keys.slice(0, -1)) {
      if (node[k] === undefined) node[k] = {}
      node = node[k] as Record<string, unknown>
    }
    if (value === undefined) delete node[keys[keys.length - 1]]
    else node[keys[keys.length - 1]] = value
  }
  return copy as unknown as SubmissionInput
}

export function payloadOf<T>(result: MapResult<T>): T {
  if (!result.ok) throw new Error(`mapping failed: ${JSON.stringify(result.findings)}`)
  return result.payload
}

export function findingsOf<T>(result: MapResult<T>) {
  if (result.ok) throw new Error('mapping unexpectedly succeeded')
  return result.findings
}
