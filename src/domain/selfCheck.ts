// The self-check lives in ./self-check/, one module per form section; this path stays for existing imports.
export { profileFindings, runSelfCheck, type SelfCheckOptions } from './self-check'
export { CANCEL_KIND_LABELS } from './self-check/answers'
