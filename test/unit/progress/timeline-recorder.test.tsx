/**
 * The timeline says who recorded each step: 由我记录 for the viewer's own steps, the owner or a collaborator (by role:
 * the app shows no person's name) for the others', and 平台同步 for what the platform's API reported.
 */
import { render } from '@testing-library/react'
import StageTimeline from '../../../src/components/stage-timeline'
import { recordedByText } from '../../../src/components/stage-timeline/recorder'
import { SAMPLE_PROFILE } from '../../../src/domain/samples'
import type { FilingProgress, RecipientRole, StageEntry } from '../../../src/domain/types'

type Entry = Pick<StageEntry, 'source' | 'by'>

describe('recordedByText', () => {
  it.each<[string, Entry, RecipientRole, string]>([
    ['the owner reads their own step', { source: 'user', by: 'owner' }, 'owner', '由我记录'],
    ['a step from before members were kept is the owner’s', {}, 'owner', '由我记录'],
    [
      'the owner reads the principal’s SMS step',
      { source: 'user', by: 'owner_principal' },
      'owner',
      '由协作者（主体负责人）记录'
    ],
    [
      'the owner reads the app principal’s step',
      { source: 'user', by: 'app_principal' },
      'owner',
      '由协作者（小程序负责人）记录'
    ],
    ['the principal reads their own step', { source: 'user', by: 'owner_principal' }, 'owner_principal', '由我记录'],
    ['the principal reads the owner’s step', { source: 'user', by: 'owner' }, 'owner_principal', '由备案创建者记录'],
    ['an old step read by the principal', { source: 'user' }, 'owner_principal', '由备案创建者记录'],
    [
      'one principal reads the other’s step',
      { by: 'app_principal' },
      'owner_principal',
      '由协作者（小程序负责人）记录'
    ],
    ['the platform’s own report', { source: 'platform' }, 'owner', '平台同步'],
    ['the platform’s report read by an invitee', { source: 'platform', by: 'owner' }, 'app_principal', '平台同步']
  ])('%s', (_name, entry, viewer, text) => {
    expect(recordedByText(entry, viewer)).toBe(text)
  })
})

const PROGRESS: FilingProgress = {
  stage: 'admin_review',
  history: [
    { stage: 'draft', at: '2026-11-02T09:00:00+08:00' },
    { stage: 'platform_review', at: '2026-11-03T10:00:00+08:00', source: 'user', by: 'owner' },
    { stage: 'sms_verification', at: '2026-11-05T11:00:00+08:00', source: 'platform' },
    { stage: 'admin_review', at: '2026-11-05T15:00:00+08:00', source: 'user', by: 'owner_principal' }
  ]
}

function recorders(viewer: RecipientRole): string[] {
  const { container } = render(
    <StageTimeline progress={PROGRESS} profile={SAMPLE_PROFILE} now='2026-11-06T09:00:00+08:00' viewer={viewer} />
  )
  return [...container.querySelectorAll('.stage-timeline__item')].map(
    (item) =>
      item.querySelector('.stage-timeline__by')?.textContent?.replace(/^ · /, '') ??
      item.querySelector('.stage-timeline__synced')?.textContent ??
      ''
  )
}

describe('the timeline shows who recorded each step', () => {
  it('to the owner: their steps, the principal’s SMS step, the platform’s report; nothing on the steps ahead', () => {
    const shown = recorders('owner')
    expect(shown.slice(0, 4)).toEqual(['由我记录', '由我记录', '平台同步', '由协作者（主体负责人）记录'])
    // the stages still ahead (approved) were recorded by no one
    expect(shown.slice(4).every((text) => text === '')).toBe(true)
  })

  it('to the invited principal: the owner’s steps and their own', () => {
    expect(recorders('owner_principal').slice(0, 4)).toEqual([
      '由备案创建者记录',
      '由备案创建者记录',
      '平台同步',
      '由我记录'
    ])
  })

  it('a synced step is marked once (the badge), not twice', () => {
    const { container } = render(
      <StageTimeline progress={PROGRESS} profile={SAMPLE_PROFILE} now='2026-11-06T09:00:00+08:00' viewer='owner' />
    )
    const synced = container.querySelectorAll('.stage-timeline__item')[2]
    expect(synced.textContent?.match(/平台同步/g)).toHaveLength(1)
  })
})
