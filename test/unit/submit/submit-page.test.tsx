/**
 * 提交备案 (src/filing/submit) in jsdom (H5): the consent before any upload, one slot per photo the platform needs,
 * the blockers next to the disabled 提交备案, a refusal's findings on our fields, 撤回 while reviewing, and the
 * invited principal's view (the face check only).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import SubmitPage from '../../../src/filing/submit'
import { api } from '../../../src/services/api'
import { setCurrentFilingId } from '../../../src/services/filings'
import { filingView } from '../home/fixtures'
import { setRoute } from '../../setup/page-hooks'

jest.mock('../../../src/services/api', () => ({
  api: {
    filings: { get: jest.fn(), list: jest.fn() },
    submission: {
      prepare: jest.fn(),
      uploadMedia: jest.fn(),
      startFace: jest.fn(),
      faceStatus: jest.fn(),
      submit: jest.fn(),
      withdraw: jest.fn(),
      cancel: jest.fn(),
      saveExtras: jest.fn()
    }
  },
  forgetSession: jest.fn()
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))

const get = api.filings.get as jest.Mock
const prepare = api.submission.prepare as jest.Mock
const submit = api.submission.submit as jest.Mock
const withdraw = api.submission.withdraw as jest.Mock
const faceStatus = api.submission.faceStatus as jest.Mock
const cancel = api.submission.cancel as jest.Mock

const FILING = filingView()
const FACE = { status: 'pending', who: '小程序负责人', instruction: '微信已向小程序管理员的微信发送人脸核身通知。' }
const VIEW = {
  filingId: FILING.id,
  platform: 'wechat',
  appId: 'wx0123456789abcdef',
  stage: 'draft',
  slots: [
    {
      slot: 'owner_certificate',
      title: '主办单位证件照片',
      rule: 'JPG/PNG，不超过 2 MB',
      uploaded: true,
      uploadedAt: '2026-11-30T02:00:00.000Z'
    },
    { slot: 'owner_principal_id_front', title: '主体负责人身份证人像面', rule: 'JPG/PNG，不超过 2 MB', uploaded: false }
  ],
  mappingFindings: [],
  platformFindings: [],
  face: FACE,
  readiness: {
    ready: false,
    blockers: [
      { kind: 'media', message: '还没有上传主体负责人身份证人像面' },
      { kind: 'face', message: '等待小程序负责人完成人脸核身' }
    ]
  },
  canWithdraw: false,
  withdrawNote: '还没有提交，无需撤回。',
  extras: { legalPersonIdNumberGiven: false }
}
const READY = { ...VIEW, consentAt: '2026-11-30T02:00:00.000Z', readiness: { ready: true, blockers: [] } }

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.clear()
  setCurrentFilingId(FILING.id)
  setRoute({ id: FILING.id }, '/filing/submit/index')
  get.mockResolvedValue({ ok: true, data: FILING })
  prepare.mockResolvedValue({ ok: true, data: VIEW })
})

describe('提交备案', () => {
  it('asks for the consent before any photo goes, and shows the blockers next to the disabled button', async () => {
    const { container } = render(<SubmitPage />)
    await screen.findByText('主体负责人身份证人像面')
    expect(screen.getByText(/照片只经服务器转发给微信/)).toBeTruthy()
    const choose = () => [...container.querySelectorAll('.submit-slot__choose')]
    const disabled = (el: Element | null) => !!el?.classList.contains('nut-button-disabled')
    expect(choose().length).toBe(2)
    expect(choose().every(disabled)).toBe(true)
    fireEvent.click(screen.getByText('同意发送，开始上传照片'))
    await waitFor(() => expect(choose().some(disabled)).toBe(false))
    expect(screen.getByText('· 还没有上传主体负责人身份证人像面')).toBeTruthy()
    expect(screen.getByText('· 等待小程序负责人完成人脸核身')).toBeTruthy()
    expect(disabled(container.querySelector('.submit__go'))).toBe(true)
    expect(screen.getByText(FACE.instruction)).toBeTruthy()
  })

  it('a refusal shows the platform’s findings on our fields; success says so', async () => {
    prepare.mockResolvedValue({ ok: true, data: READY })
    submit.mockResolvedValue({
      ok: true,
      data: {
        submitted: false,
        message: '微信退回了申请（86202）',
        findings: [
          {
            field: 'owner.name',
            severity: 'error',
            code: 'PLATFORM_86355',
            message: '主办单位名称与小程序账号的主体不一致',
            fix: '按小程序账号认证的主体名称逐字填写'
          }
        ]
      }
    })
    const { container } = render(<SubmitPage />)
    await screen.findByText('提交备案', { selector: '.submit__go, .submit__go *' })
    expect(container.querySelector('.submit__go')).not.toHaveClass('nut-button-disabled')
    fireEvent.click(container.querySelector('.submit__go')!)
    await screen.findByText('主办单位名称与小程序账号的主体不一致')
    expect(container.querySelector('[data-field="owner.name"]')).toBeTruthy()
    expect(screen.getByText('微信退回了申请（86202）')).toBeTruthy()

    submit.mockResolvedValue({ ok: true, data: { submitted: true, stage: 'platform_review' } })
    fireEvent.click(container.querySelector('.submit__go')!)
    await screen.findByText(/已提交到平台，进入平台初审/)
  })

  it('撤回 while the platform reviews', async () => {
    prepare.mockResolvedValue({
      ok: true,
      data: {
        ...READY,
        stage: 'platform_review',
        submittedAt: '2026-11-30T02:10:00.000Z',
        canWithdraw: true,
        withdrawNote: '平台初审期间可以撤回'
      }
    })
    withdraw.mockResolvedValue({ ok: true, data: { withdrawn: true } })
    render(<SubmitPage />)
    fireEvent.click(await screen.findByText('撤回申请'))
    await screen.findByText(/已撤回备案申请/)
    expect(withdraw).toHaveBeenCalledWith({ id: FILING.id })
  })

  it('after 提交备案: no “还不能提交” list, and the photos say why they cannot be replaced now', async () => {
    prepare.mockResolvedValue({
      ok: true,
      data: {
        ...READY,
        stage: 'platform_review',
        submittedAt: '2026-11-30T02:10:00.000Z',
        readiness: { ready: false, blockers: [{ kind: 'stage', message: '已提交，平台正在审核，不能重复提交' }] },
        canWithdraw: true,
        withdrawNote: '平台初审期间可以撤回'
      }
    })
    const { container } = render(<SubmitPage />)
    await screen.findByText(/已于 .* 提交到平台/)
    expect(screen.queryByText('还不能提交：')).toBeNull()
    expect(container.querySelector('.submit__go')).toBeNull()
    screen.getByText('微信正在审核这些照片，审核期间不能更换；撤回申请后可以重新上传。')
  })

  it('under review on a platform that cannot withdraw, the photos do not promise a withdrawal here', async () => {
    prepare.mockResolvedValue({
      ok: true,
      data: { ...READY, stage: 'platform_review', submittedAt: '2026-11-30T02:10:00.000Z', canWithdraw: false }
    })
    render(<SubmitPage />)
    await screen.findByText(/已于 .* 提交到平台/)
    screen.getByText('微信正在审核这些照片，审核期间不能更换；需要更换时请先在微信开放平台撤回申请。')
    expect(screen.queryByText(/撤回申请后可以重新上传/)).toBeNull()
  })

  it('注销 goes through the API with the kind chosen, only after its confirmation', async () => {
    const base = filingView()
    get.mockResolvedValue({
      ok: true,
      data: filingView({ profile: { ...base.profile, filingType: 'cancel' } })
    })
    cancel.mockResolvedValue({ ok: true, data: { cancelling: true } })
    const { container } = render(<SubmitPage />)
    await screen.findByText('注销备案到微信')
    fireEvent.click(await screen.findByText('注销小程序备案'))
    expect(container.querySelector('.submit-slot')).toBeNull()
    expect(cancel).not.toHaveBeenCalled()
    fireEvent.click(await screen.findByText('确认注销'))
    await waitFor(() => expect(cancel).toHaveBeenCalledWith({ id: FILING.id, kind: 'mini_program' }))
    await screen.findByText(/已向平台提交注销申请/)
  })

  it('the invited principal sees the face check only', async () => {
    get.mockResolvedValue({ ok: true, data: filingView({ access: 'app_principal' }) })
    faceStatus.mockResolvedValue({ ok: true, data: { ...FACE, instruction: '请打开该通知，按提示录制人脸视频。' } })
    const { container } = render(<SubmitPage />)
    await screen.findByText('请打开该通知，按提示录制人脸视频。')
    expect(prepare).not.toHaveBeenCalled()
    expect(container.querySelector('.submit-slot')).toBeNull()
    expect(container.querySelector('.submit__face-start')).toBeNull()
  })
})
