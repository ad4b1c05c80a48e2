/**
 * Filing through the platforms' own APIs, the pure part: code tables, our form → WeChat / Douyin bodies, the photos
 * each platform needs, refusal hints back onto our fields, the face check's instruction and submission readiness.
 */
export * from './code-tables'
export * from './payload-types'
export * from './media-slots'
export * from './map-wechat'
export * from './map-douyin'
export * from './hints'
export * from './hint-fields'
export * from './face-task'
export * from './readiness'
export { FACE_TASK_MISSING, MEDIA_MISSING, idCardValidFrom } from './map-findings'
