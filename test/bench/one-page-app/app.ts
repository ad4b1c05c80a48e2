/**
 * The yardstick for `npm run size` and the H5 bench: the smallest Taro + NutUI app we could ship (one page with a NutUI
 * cell and a button), built with the project's own config (`BEIAN_BASELINE_APP=1`) and H5 page template (index.html is
 * a link to src/index.html: Taro's H5 build only adds its HTML plugin when the source folder has an index.html; the
 * template's early filing-list request finds no session here and does nothing). Our figures are printed as a ratio
 * to its, so a slower machine or a newer Taro moves both sides and the ratio still means something.
 */
import type { PropsWithChildren } from 'react'

export default function App({ children }: PropsWithChildren) {
  return children
}
