/** @jest-environment node */
/** Submission readiness (each kind of blocker) and the face check's instruction for owner and principal. */
import {
  faceTaskInstruction,
  faceTaskStatusAt,
  mapWechatApplication,
  mediaSlotsFor,
  submissionReadiness,
  type FaceTaskState,
  type ReadinessInput
} from '../../../../src/domain/platform-filing'
import type { Finding } from '../../../../src/domain/types'
import { cleanInput, MEDIA, WECHAT_TABLES } from './fixtures'
import { withChanges } from './support'

function ready(over: Partial<ReadinessInput> = {}): ReadinessInput {
  const input = cleanInput('enterprise')
  return {
    findings: [],
    mapResult: mapWechatApplication(input, WECHAT_TABLES),
    slots: mediaSlotsFor(input.form, input.profile, 'wechat', WECHAT_TABLES),
    uploaded: { ...MEDIA },
    faceTask: 'passed',
    stage: 'draft',
    ...over
  }
}

const error = (field: string, message: string): Finding => ({ field, severity: 'error', code: 'X', message, fix: '改' })

describe('submissionReadiness', () => {
  it('ready when nothing stands in the way (warnings do not block)', () => {
    const r = submissionReadiness(ready({ findings: [{ ...error('owner.address', '警告'), severity: 'warning' }] }))
    expect(r).toEqual({ ready: true, blockers: [] })
  })

  it.each([
    [
      'self_check',
      { findings: [error('owner.name', '请填写主办单位名称'), error('owner.address', '地址')] },
      /2项错误.*请填写主办单位名称/
    ],
    ['stage', { stage: 'platform_review' }, /平台正在审核/],
    ['stage', { stage: 'approved' }, /已备案/],
    ['face', { faceTask: 'none' }, /还没有发起/],
    ['face', { faceTask: { status: 'expired' } }, /已过期/],
    ['face', { faceTask: 'pending' }, /等待/],
    ['face', { faceTask: 'failed' }, /未通过/],
    ['media', { uploaded: { ...MEDIA, app_principal_id_back: undefined } }, /小程序负责人身份证国徽面/],
    [
      'mapping',
      {
        mapResult: mapWechatApplication(
          withChanges(cleanInput('enterprise'), { 'form.owner.region.district': '塘沽区' }),
          WECHAT_TABLES
        )
      },
      /塘沽区/
    ]
  ] as const)('%s blocks: %j', (kind, over, message) => {
    const r = submissionReadiness(ready(over as Partial<ReadinessInput>))
    expect(r.ready).toBe(false)
    expect(r.blockers).toHaveLength(1)
    expect(r.blockers[0].kind).toBe(kind)
    expect(r.blockers[0].message).toMatch(message)
  })

  it.each(['draft', 'platform_rejected', 'admin_rejected', 'sms_expired'] as const)(
    '%s may be (re)submitted',
    (stage) => {
      expect(submissionReadiness(ready({ stage })).ready).toBe(true)
    }
  )

  it('missing photos and face task are said once, as media and face, not again as mapping', () => {
    const input = withChanges(cleanInput('enterprise'), { 'media.owner_certificate': undefined, faceTaskId: undefined })
    const r = submissionReadiness(
      ready({
        mapResult: mapWechatApplication(input, WECHAT_TABLES),
        uploaded: input.media,
        faceTask: 'none'
      })
    )
    expect(r.blockers.map((b) => b.kind)).toEqual(['media', 'face'])
    expect(r.blockers[0].field).toBe('media.owner_certificate')
  })
})

const task = (over: Partial<FaceTaskState> = {}): FaceTaskState => ({
  taskId: 't1',
  status: 'pending',
  expiresAt: '2026-11-24T10:00:00+08:00',
  ...over
})

describe('faceTaskInstruction', () => {
  it.each([
    ['wechat', undefined, 'owner', 'none', true, /发起小程序负责人的人脸核身/],
    ['wechat', undefined, 'app_principal', 'none', true, /还没有发起/],
    ['wechat', task(), 'owner', 'pending', false, /管理员的微信.*11月24日 10:00前完成.*请小程序负责人打开该通知/],
    ['wechat', task(), 'app_principal', 'pending', false, /请打开该通知.*你须是该小程序的管理员/],
    ['douyin', task({ url: 'https://x' }), 'owner', 'pending', false, /请小程序负责人用抖音App扫描.*2小时/],
    [
      'douyin',
      task({ smsTo: '138****0003' }),
      'app_principal',
      'pending',
      false,
      /抖音已向138\*\*\*\*0003发送人证核验短信/
    ],
    [
      'douyin',
      task({ channel: 'douyin_sms' }),
      'owner',
      'pending',
      false,
      /抖音已向小程序负责人的手机发送.*请小程序负责人点开短信/
    ],
    ['douyin', task({ channel: 'douyin_sms' }), 'app_principal', 'pending', false, /抖音已向你的手机发送.*请点开短信/],
    [
      'douyin',
      task({ channel: 'douyin_link', url: 'https://x' }),
      'app_principal',
      'pending',
      false,
      /请用抖音App扫描/
    ],
    ['douyin', task({ status: 'passed' }), 'owner', 'passed', false, /已完成/],
    ['wechat', task({ status: 'failed' }), 'owner', 'failed', true, /未通过.*重新发起/],
    ['wechat', task({ status: 'expired' }), 'owner', 'expired', true, /已过期.*重新发起/],
    ['douyin', task({ status: 'expired' }), 'app_principal', 'expired', true, /联系主办方重新发起/]
  ] as const)('%s %j as %s → %s', (platform, t, role, status, canRestart, instruction) => {
    const view = faceTaskInstruction(platform, t, role)
    expect(view.status).toBe(status)
    expect(view.canRestart).toBe(canRestart)
    expect(view.who).toBe('小程序负责人')
    expect(view.instruction).toMatch(instruction)
  })

  it('a pending task past its deadline is expired, and may be restarted', () => {
    expect(faceTaskStatusAt(task(), '2026-11-24T09:59:00+08:00')).toBe('pending')
    expect(faceTaskStatusAt(task(), '2026-11-24T10:00:00+08:00')).toBe('expired')
    const view = faceTaskInstruction('wechat', task(), 'owner', '2026-11-24T11:00:00+08:00')
    expect([view.status, view.canRestart]).toEqual(['expired', true])
    expect(view.expiresAt).toBe('2026-11-24T10:00:00+08:00')
  })

  it('owner and principal read the same task in the same state', () => {
    for (const status of ['pending', 'passed', 'failed', 'expired'] as const) {
      const a = faceTaskInstruction('douyin', task({ status }), 'owner')
      const b = faceTaskInstruction('douyin', task({ status }), 'app_principal')
      expect([a.status, a.expiresAt, a.who]).toEqual([b.status, b.expiresAt, b.who])
    }
  })
})
