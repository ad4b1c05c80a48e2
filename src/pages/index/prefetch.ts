/**
 * Imported first by the home page, so the filing list request leaves before the page's own components (NutUI and
 * the rest of the chunk) are evaluated: on a cold start the user is waiting for the first card. Not on WeChat: the
 * cloud is initialised at app launch there, and a call before that would only fail and be retried.
 */
import { prefetchFilingList } from '../../services/launch'
import { runtimePlatform } from '../../services/platform'

if (runtimePlatform() !== 'weapp') prefetchFilingList()
