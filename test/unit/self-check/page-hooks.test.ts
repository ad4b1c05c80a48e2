/** The self-check page's small pure helpers: which block a finding's field lands in, and what counts as filled in. */
import { hasValue } from '../../../src/filing/self-check/use-check-visibility'
import { blockFor } from '../../../src/filing/self-check/use-field-focus'

const rendered = ['owner.region.province', 'miniProgram.preApprovals', 'miniProgram.preApprovals.0.fileName']

it.each([
  ['owner.region.province', 'owner.region.province'],
  ['miniProgram.preApprovals.0.fileName', 'miniProgram.preApprovals.0.fileName'],
  ['miniProgram.preApprovals.1.industry', 'miniProgram.preApprovals'],
  ['owner.region', undefined],
  ['owner.region.provinceCode', undefined]
])('a finding on %s goes to the block %s', (field, block) => {
  expect(blockFor(field, rendered)).toBe(block)
})

it.each([
  ['', false],
  ['  ', false],
  ['x', true],
  [[], false],
  [['a'], true],
  [undefined, false],
  [null, false],
  [0, true]
])('%p counts as filled in: %p', (value, filled) => {
  expect(hasValue(value)).toBe(filled)
})
