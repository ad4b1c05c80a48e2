/**
 * The services/api stand-in of the home page tests: the filing list is the test's to answer (`api.filings.list` is a
 * bare jest.fn), the user has no agency connections, and signing out does nothing. Wired in with
 * `jest.mock('../../../src/services/api', () => jest.requireActual('./home-api-mock'))`: each test file gets its
 * own copy, so one file's answers never leak into another's.
 */
export const api = {
  filings: { list: jest.fn() },
  invites: {},
  connector: { agency: jest.fn(async () => ({ ok: true, data: { items: [] } })) }
}

export const forgetSession = jest.fn()

/** Same origin, as in the H5 build: index.html's early list request is used. */
export const apiBase = () => ''
