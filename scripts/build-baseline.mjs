// Builds the benches' one-page Taro + NutUI yardstick app (test/bench/one-page-app) for the given types when its
// build is older than its sources: `node scripts/build-baseline.mjs h5 weapp`.
import { BASELINE_SOURCES, BUILD_MARKERS, isFresh } from './lib/fresh.mjs'
import { taroBuild } from './lib/run.mjs'

for (const type of process.argv.slice(2)) {
  if (!isFresh(BUILD_MARKERS[`baseline-${type}`], BASELINE_SOURCES)) await taroBuild(type, { baseline: true })
}
