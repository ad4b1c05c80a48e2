import { ROUTES, withQuery } from '../../constants/routes'
import type { Finding } from '../../domain/types'
import { goBack, openPage, previousPageRoute } from '../../services/navigation'
import { sectionOfPath } from '../self-check/fields'
import { requestFieldFocus } from '../self-check/focus-request'

/** Back to the open self-check page when there is one (it keeps its state), else a new one at the field. */
export function openSelfCheck(finding?: Finding): void {
  const target = finding ? { section: sectionOfPath(finding.field), field: finding.field } : {}
  if (previousPageRoute().includes('filing/self-check')) {
    if (finding) requestFieldFocus(target)
    goBack()
  } else openPage(withQuery(ROUTES.selfCheck, target))
}
