/**
 * A request to open the self-check page at one field, handed over in memory when the results page goes back to a
 * self-check page that is already open (navigateBack cannot carry a query).
 */
export interface FieldTarget {
  section?: string
  field?: string
}

let pending: FieldTarget | null = null

export function requestFieldFocus(target: FieldTarget): void {
  pending = target
}

export function takeFieldFocus(): FieldTarget | null {
  const target = pending
  pending = null
  return target
}
