/** Where a rejection's fix is made: a self-check field, the photo check of a photo material, or the material list. */
import { MATERIALS, type RejectionFix } from '../../domain'
import { ROUTES, withQuery } from '../../constants/routes'

export function fixUrl(fix: RejectionFix): string {
  if (fix.kind === 'field') {
    const [section] = fix.path.split('.')
    return withQuery(ROUTES.selfCheck, { section, field: fix.path })
  }
  // a photo the reviewers refused can be checked on the phone before it is uploaded again
  if (MATERIALS[fix.material]?.isPhoto) return withQuery(ROUTES.photoCheck, { material: fix.material })
  return ROUTES.materials
}

export function fixActionText(fix: RejectionFix): string {
  if (fix.kind === 'field') return `去修改：${fix.label}`
  return MATERIALS[fix.material]?.isPhoto ? `去检查：${fix.label}` : `去准备：${fix.label}`
}
