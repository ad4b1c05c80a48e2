/**
 * Every page of the app, in one place: `app.config.ts` is built from this module, and pages navigate
 * with these paths instead of string literals.
 */

/** Tab pages live in the main package. */
export const TAB_PAGES = {
  home: 'pages/index/index',
  materials: 'pages/materials/index',
  progress: 'pages/progress/index',
  mine: 'pages/mine/index'
} as const

export type TabKey = keyof typeof TAB_PAGES

/** The filing workflow: opened from a tab, loaded on demand. */
export const FILING_PACKAGE = {
  root: 'filing',
  pages: {
    wizard: 'wizard/index',
    /** 信息自检: the five form sections. */
    selfCheck: 'self-check/index',
    /** Findings of the self-check, each tappable back to its field. */
    checkResult: 'check-result/index',
    /** Separate consent before the first sensitive field. */
    consent: 'consent/index',
    /** 检查照片 for one photo material (`?material=<id>`). */
    photoCheck: 'photo-check/index',
    /** Which reminders are scheduled, subscription permissions, calendar fallback. */
    reminders: 'reminders/index',
    /** Invite the legal representative / principal. */
    invite: 'invite/index',
    /** 连接小程序: authorise the assistant to follow the filing on the platform (`?id=<filing>`). */
    connect: 'connect/index',
    /** 提交备案 through the platform's API: consent, photos, face check, submit / 撤回 / 注销 (`?id=<filing>`). */
    submit: 'submit/index'
  }
} as const

/** Rarely used pages. */
export const MORE_PACKAGE = {
  root: 'more',
  pages: {
    privacy: 'privacy/index',
    about: 'about/index',
    /** Landing page of an invite link / QR code (`?invite=<token>`). */
    join: 'join/index',
    /** Export / delete all my data. */
    myData: 'my-data/index',
    /** Every connected mini-program of the caller, most urgent first (agencies). */
    agency: 'agency/index'
  }
} as const

type FilingPage = keyof typeof FILING_PACKAGE.pages
type MorePage = keyof typeof MORE_PACKAGE.pages

const abs = (p: string) => `/${p}`

/** Absolute URLs for navigation (`openPage(ROUTES.wizard)`, src/services/navigation). */
export const ROUTES = {
  ...(Object.fromEntries(Object.entries(TAB_PAGES).map(([k, v]) => [k, abs(v)])) as Record<
    keyof typeof TAB_PAGES,
    string
  >),
  ...(Object.fromEntries(
    Object.entries(FILING_PACKAGE.pages).map(([k, v]) => [k, abs(`${FILING_PACKAGE.root}/${v}`)])
  ) as Record<FilingPage, string>),
  ...(Object.fromEntries(
    Object.entries(MORE_PACKAGE.pages).map(([k, v]) => [k, abs(`${MORE_PACKAGE.root}/${v}`)])
  ) as Record<MorePage, string>)
}

export const TAB_ROUTES: string[] = Object.values(TAB_PAGES).map(abs)

/** Builds `path?key=value` with encoded values, skipping empty ones. */
export function withQuery(url: string, query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return pairs.length ? `${url}?${pairs.join('&')}` : url
}
