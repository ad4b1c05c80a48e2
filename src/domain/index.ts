/**
 * The filing brain: pure TypeScript shared by the pages, the cloud functions and the tests. No Taro, no `wx`, no I/O.
 * The photo analysers are imported from './photo' directly: only the photo-check sub-package needs them, and
 * re-exporting them here would pull them into the WeChat main package.
 */
export * from './types'
export * from './time'
export * from './validators'
export * from './calendar'
export * from './rules'
export * from './pre-approval'
export * from './checklist'
export * from './self-check'
export * from './stages'
export * from './reminders'
export * from './reminder-budget'
export * from './masking'
export * from './rejection-reasons'
export * from './ics'
export * from './filing-form'
export * from './dead-ends'
