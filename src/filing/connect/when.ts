import { formatDateTime } from '../../components/stage-timeline/format'

/** A moment of the connection in the user's words, a dash when it has not happened. */
export const when = (iso?: string) => (iso ? formatDateTime(iso) : '—')
