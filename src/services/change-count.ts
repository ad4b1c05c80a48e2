/**
 * How many calls that may change data this app session has sent. A list fetched before the count moved may be
 * outdated (launch.ts); kept apart from the API client so the pages' tests that stand in for that client keep it.
 */
let changesSent = 0

export function noteChangeSent(): void {
  changesSent++
}

export const changesSentSoFar = (): number => changesSent
