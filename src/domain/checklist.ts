// The checklist lives in ./checklist/, one module per kind of entry; this path stays for existing imports.
export { buildChecklist } from './checklist/build'
export { marginText } from './checklist/material-item'
export { undeclaredKeywordHits } from './checklist/pre-approval-items'
export { PARALLEL_FILING_WARNING } from './checklist/identity-items'
export { cancelChecklist, cancellationTemplateValues } from './checklist/cancel-items'
