/**
 * The yardstick for `npm run size` and the H5 bench: the smallest Taro + NutUI app we could ship (one page with a NutUI
 * cell and a button), built with the project's own config (`BEIAN_BASELINE_APP=1`). Our figures are printed as a ratio
 * to its, so a slower machine or a newer Taro moves both sides and the ratio still means something.
 */
import type { PropsWithChildren } from 'react'

export default function App({ children }: PropsWithChildren) {
  return children
}
