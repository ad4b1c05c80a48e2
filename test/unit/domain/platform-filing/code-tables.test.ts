/** @jest-environment node */
/** Lookups by the platforms' names, our platform ids, and the start of an ID card's validity from its end. */
import {
  findByName,
  idCardValidFrom,
  normaliseName,
  submissionPlatformOf
} from '../../../../src/domain/platform-filing'
import { id, TODAY } from './fixtures'

const entries = [
  { code: '1', name: '营业执照（个人或企业）', parentCode: '4' },
  { code: '11', name: '组织机构代码证', parentCode: '4' },
  { code: '101', name: '工具' },
  { code: '102', name: '工具类' },
  { code: '120116', name: '滨海新区' }
]

describe('findByName', () => {
  it.each([
    [['营业执照'], '1'],
    [['营业执照(个人或企业)'], '1'],
    [[' 组织机构 代码证 '], '11'],
    [['工具'], '101'],
    [['工具类'], '102'],
    [['滨海'], '120116'],
    [['不存在', '组织机构代码证'], '11'],
    [['不存在'], undefined],
    [[''], undefined],
    [[], undefined]
  ])('%j → %s', (candidates, code) => {
    expect(findByName(entries, candidates)?.code).toBe(code)
  })

  it('an exact name wins over an earlier prefix match', () => {
    expect(
      findByName(
        [
          { code: 'a', name: '生活缴费' },
          { code: 'b', name: '生活' }
        ],
        ['生活']
      )?.code
    ).toBe('b')
  })

  it('normaliseName drops brackets with their content and spaces', () => {
    expect(normaliseName(' 营业执照（个人 或企业) ')).toBe('营业执照')
  })
})

describe('submissionPlatformOf', () => {
  it.each([
    ['weapp', 'wechat'],
    ['tt', 'douyin'],
    ['alipay', undefined]
  ] as const)('%s → %s', (ours, theirs) => {
    expect(submissionPlatformOf(ours)).toBe(theirs)
  })
})

describe('idCardValidFrom', () => {
  // born 1990-01-01
  const ID = id('12010119900101003')
  it.each([
    ['issued at 30, twenty years', '2040-01-01', '2020-01-01'],
    ['issued at 20, ten years', '2020-06-01', '2010-06-01'],
    ['issued at 25 (last ten-year age)', '2025-12-31', '2015-12-31'],
    ['ten years from 26 would not fit, twenty from 16 neither', '2026-12-31', undefined],
    ['issued at 12, five years (a card still in use only in the past)', '2007-03-01', '2002-03-01'],
    ['长期 has no derivable start', '长期', undefined],
    ['a start in the future is refused', '2050-01-01', undefined],
    ['not a date', '2040-13-01', undefined]
  ])('%s: %s → %s', (_name, until, from) => {
    expect(idCardValidFrom(ID, until, TODAY)).toBe(from)
  })

  it('no start for a number that is not a valid ID card', () => {
    expect(idCardValidFrom('120101199001010030', '2040-01-01', TODAY)).toBeUndefined()
  })
})
