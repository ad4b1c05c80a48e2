import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { setCurrentFilingId } from '../../../src/services/filings'
import MaterialsPage from '../../../src/pages/materials'
import { api } from '../../../src/services/api'
import { copyText } from '../../../src/services/clipboard'
import { openPage } from '../../../src/services/navigation'
import { pendingPatch } from '../../../src/services/current-filing'
import type { FilingView } from '../../../src/services/api-types'
import { fail, ok, sampleView, SAMPLE_SECRETS, summaryOf } from './support'

jest.mock('../../../src/services/api', () => ({
  api: { filings: { list: jest.fn(), get: jest.fn(), update: jest.fn() } }
}))
jest.mock('../../../src/services/navigation', () => ({ openPage: jest.fn(), goBack: jest.fn() }))
jest.mock('../../../src/services/clipboard', () => ({ copyText: jest.fn(async () => true) }))
// Page lifecycle hooks need a mounted Taro page; in jsdom the page is a plain component
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const hooks = { useDidShow: () => undefined }
  return { ...actual, ...hooks, default: { ...actual.default, ...hooks }, __esModule: true }
})

configure({ asyncUtilTimeout: 5000 })

const filings = api.filings as unknown as Record<'list' | 'get' | 'update', jest.Mock>

/** Serves `view` as the user's only filing; `update` bumps the version and echoes the materials. */
function serve(view: FilingView) {
  filings.list.mockResolvedValue(ok([summaryOf(view)]))
  filings.get.mockResolvedValue(ok(view))
  filings.update.mockImplementation(async (input: { version: number; materials?: FilingView['materials'] }) =>
    ok({ ...view, version: input.version + 1, materials: input.materials ?? view.materials })
  )
}

const section = (id: string) => document.querySelector(`[data-section="${id}"]`) as HTMLElement
const item = (id: string) => document.querySelector(`[data-material="${id}"]`) as HTMLElement
const titlesIn = (id: string) =>
  Array.from(section(id).querySelectorAll('.material-item__title')).map((el) => el.textContent)
const statusOption = (materialId: string, label: string) =>
  within(item(materialId)).getByText(label).closest('[role="radio"]') as HTMLElement

async function renderReady(view = sampleView()) {
  serve(view)
  render(<MaterialsPage />)
  await screen.findByText(view.title)
}

beforeEach(() => {
  localStorage.clear()
  jest.clearAllMocks()
})

describe('材料清单 tab', () => {
  it('groups the sample filing’s materials by the platform’s form sections', async () => {
    await renderReady()
    // Tianjin company, mini-program principal not the legal representative: Tianjin's and WeChat's 授权书 rule
    expect(titlesIn('owner')).toEqual(['主办单位证件（营业执照）'])
    expect(titlesIn('owner_principal')).toEqual(['主体负责人身份证'])
    expect(titlesIn('app_principal')).toEqual(['小程序负责人身份证', '小程序负责人人脸核身'])
    expect(titlesIn('attachments')).toEqual(['授权书', '互联网信息服务承诺书', '备案真实性核验单'])
    expect(section('mini_program')).toBeNull()
    for (const [id, label] of [
      ['owner', '主办者信息'],
      ['owner_principal', '主体负责人'],
      ['app_principal', '小程序负责人'],
      ['attachments', '附件']
    ])
      expect(within(section(id)).getByText(label)).toBeInTheDocument()
    // which filing, on which platform
    expect(screen.getByText(/微信小程序 · 首次备案 · 天津/)).toBeInTheDocument()
    // why the 授权书 is needed names the province and the platform
    expect(within(item('authorization_letter')).getByText(/天津管局要求.*微信要求/)).toBeInTheDocument()
    // the sample has three materials marked ready
    expect(screen.getByText('已准备 3/7')).toBeInTheDocument()
  })

  it('shows tips and the good example on demand', async () => {
    await renderReady()
    const owner = item('owner_certificate')
    expect(within(owner).queryByText('合格示例')).not.toBeInTheDocument()
    fireEvent.click(within(owner).getByText(/查看要点和合格示例/))
    expect(within(owner).getByText('合格示例')).toBeInTheDocument()
    expect(within(owner).getAllByText(/四角完整/).length).toBeGreaterThan(0)
    expect(within(owner).getByText(/依据：/)).toBeInTheDocument()
  })

  it('saves a status with the version it was read at, and the progress follows', async () => {
    const view = sampleView()
    await renderReady(view)
    fireEvent.click(statusOption('authorization_letter', '已准备'))
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1))
    expect(filings.update).toHaveBeenCalledWith({
      id: view.id,
      version: view.version,
      materials: { ...view.materials, authorization_letter: 'ready' }
    })
    await screen.findByText('已准备 4/7')
    expect(statusOption('authorization_letter', '已准备')).toHaveAttribute('aria-checked', 'true')
    expect(pendingPatch(view.id)).toBeUndefined()

    // the next change builds on the version the server answered with
    fireEvent.click(statusOption('face_check', '有问题'))
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(2))
    expect(filings.update.mock.calls[1][0]).toMatchObject({
      version: view.version + 1,
      materials: { authorization_letter: 'ready', face_check: 'problem' }
    })
    await screen.findByText('已准备 4/7，有问题 1 项')
  })

  it('sends two quick taps one after the other, never racing into a conflict', async () => {
    const view = sampleView()
    await renderReady(view)
    fireEvent.click(statusOption('authorization_letter', '已准备'))
    fireEvent.click(statusOption('service_commitment', '已准备'))
    await screen.findByText('已准备 5/7')
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(2))
    expect(filings.update.mock.calls.map((c) => c[0].version)).toEqual([view.version, view.version + 1])
    expect(screen.queryByText('备案信息在别处被修改了')).not.toBeInTheDocument()
  })

  describe('when the filing was saved elsewhere meanwhile', () => {
    const latest = () =>
      sampleView({ version: 9, materials: { ...sampleView().materials, authorization_letter: 'problem' } })

    async function conflictOnFirstSave() {
      const view = sampleView()
      await renderReady(view)
      filings.update.mockResolvedValueOnce(fail('CONFLICT'))
      filings.get.mockResolvedValue(ok(latest()))
      fireEvent.click(statusOption('authorization_letter', '已准备'))
      await screen.findByText('备案信息在别处被修改了')
    }

    it('shows both versions of the materials that differ', async () => {
      await conflictOnFirstSave()
      const row = screen.getByText('授权书', { selector: '.conflict-dialog__label' }).closest('.conflict-dialog__row')!
      expect(row).toHaveTextContent('我的：已准备')
      expect(row).toHaveTextContent('最新：有问题')
      expect(document.querySelectorAll('.conflict-dialog__row')).toHaveLength(1)
    })

    it('保留我的修改 saves the change on top of the latest version', async () => {
      await conflictOnFirstSave()
      fireEvent.click(screen.getByText('保留我的修改'))
      await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(2))
      expect(filings.update.mock.calls[1][0]).toMatchObject({
        version: 9,
        materials: { authorization_letter: 'ready' }
      })
      await screen.findByText('已准备 4/7')
      expect(pendingPatch(latest().id)).toBeUndefined()
    })

    it('使用最新版本 drops the change and shows the other device’s status', async () => {
      await conflictOnFirstSave()
      fireEvent.click(screen.getByText('使用最新版本'))
      await screen.findByText('已准备 3/7，有问题 1 项')
      expect(statusOption('authorization_letter', '有问题')).toHaveAttribute('aria-checked', 'true')
      expect(filings.update).toHaveBeenCalledTimes(1)
      expect(pendingPatch(latest().id)).toBeUndefined()
    })
  })

  it('keeps the change on the phone when offline, and sends it when the page loads again', async () => {
    const view = sampleView()
    await renderReady(view)
    filings.update.mockResolvedValueOnce(fail('UNAVAILABLE', '网络不可用，请检查网络后重试'))
    fireEvent.click(statusOption('authorization_letter', '已准备'))
    await screen.findByText('已保存在手机上，联网后同步')
    expect(screen.getByText('已准备 4/7')).toBeInTheDocument()
    expect(pendingPatch(view.id)?.patch.materials).toEqual({ authorization_letter: 'ready' })

    // back online: 重试同步 sends what was kept
    fireEvent.click(screen.getByText('重试同步'))
    await waitFor(() => expect(screen.queryByText('已保存在手机上，联网后同步')).not.toBeInTheDocument())
    expect(filings.update).toHaveBeenLastCalledWith(
      expect.objectContaining({
        version: view.version,
        materials: expect.objectContaining({ authorization_letter: 'ready' })
      })
    )
    expect(pendingPatch(view.id)).toBeUndefined()
  })

  it('re-sends a change left on the phone by an earlier session as soon as the filing loads', async () => {
    const view = sampleView()
    localStorage.clear()
    serve(view)
    filings.update.mockResolvedValueOnce(fail('UNAVAILABLE'))
    const first = render(<MaterialsPage />)
    await screen.findByText(view.title)
    fireEvent.click(statusOption('face_check', '已准备'))
    await screen.findByText('已保存在手机上，联网后同步')
    first.unmount()
    jest.clearAllMocks()
    serve(view)

    render(<MaterialsPage />)
    await waitFor(() => expect(filings.update).toHaveBeenCalledTimes(1))
    expect(filings.update.mock.calls[0][0].materials).toMatchObject({ face_check: 'ready' })
    await screen.findByText('已准备 4/7')
  })

  it('fills the 授权书 template with the user’s data, never with a masked number', async () => {
    await renderReady()
    fireEvent.click(within(item('authorization_letter')).getByText('查看模板'))
    const text = (await screen.findByText(/兹授权/)).textContent ?? ''
    expect(text).toContain('天津市通信管理局')
    expect(text).toContain('天津云帆数字科技有限公司')
    expect(text).toContain('云帆会议室预订')
    expect(text).toContain('王若溪') // the mini-program principal, who is not the legal representative
    expect(text).toContain('小程序负责人')
    expect(text).toContain('法定代表人（签字）：李明远') // the owner principal is the legal representative
    expect(text).toContain('微信公众平台')
    expect(text).not.toMatch(/[{}*]/)
    for (const secret of SAMPLE_SECRETS) expect(text).not.toContain(secret)
    expect(text).toContain('证件号码：________')
    expect(screen.getByText(/需要手写补充：.*被授权人身份证号码/)).toBeInTheDocument()

    fireEvent.click(screen.getByText('复制全文'))
    expect(copyText).toHaveBeenCalledWith(text)
  })

  it('offers the 不涉及前置审批 承诺书 naming the keyword that was hit', async () => {
    const description = '为园区企业提供会议室在线预订，并为员工内部课程安排培训教室，不面向中小学生，不提供教学内容。'
    await renderReady(
      sampleView({
        profile: { texts: { ...sampleView().profile.texts, appDescription: description } },
        form: { miniProgram: { ...sampleView().form.miniProgram, description } }
      })
    )
    fireEvent.click(within(item('no_pre_approval_commitment')).getByText('查看模板'))
    const text = (await screen.findByText(/承诺：小程序/)).textContent ?? ''
    expect(text).toContain('本单位“天津云帆数字科技有限公司”')
    // the description's own full stop is not doubled by the template's
    expect(text).toContain(`提供的服务为：${description.replace(/。$/, '')}。\n`)
    const named = text.slice(text.indexOf('其中名称或经营范围中的'), text.indexOf('仅指'))
    for (const keyword of ['课程', '培训', '中小学']) expect(named).toContain(`“${keyword}”`)
    // 「不提供教学内容」 rules 教学 out: a negated mention is no hit
    expect(named).not.toContain('“教学”')
    expect(named).not.toContain('“小学”')
    expect(text).toContain('承诺单位（签字/盖章）：天津云帆数字科技有限公司')
    expect(screen.getByText(/需要手写补充：.*关键词在本小程序中的真实含义/)).toBeInTheDocument()
  })

  it('opens 检查照片 for photo materials only', async () => {
    await renderReady()
    expect(document.querySelectorAll('.material-item__check-photo')).toHaveLength(4)
    expect(within(item('service_commitment')).queryByText('检查照片')).not.toBeInTheDocument()
    // 人脸核身 is a live check on the platform: no photo to check beforehand
    expect(within(item('face_check')).queryByText('检查照片')).not.toBeInTheDocument()
    fireEvent.click(within(item('owner_certificate')).getByText('检查照片'))
    expect(openPage).toHaveBeenCalledWith('/filing/photo-check/index?material=owner_certificate')
  })

  it('shows the filing in its SMS window, not the one opened last', async () => {
    const opened = sampleView({ id: 'a'.repeat(24), title: '最近打开的备案' })
    const urgent = { ...summaryOf(sampleView()), id: 'b'.repeat(24), title: '短信核验中的备案' }
    setCurrentFilingId(opened.id)
    filings.list.mockResolvedValue(
      ok([summaryOf(opened), { ...urgent, stage: 'sms_verification', smsDeadline: '2026-11-30T20:00:00+08:00' }])
    )
    filings.get.mockImplementation(async ({ id }: { id: string }) =>
      ok(id === urgent.id ? { ...sampleView(), id: urgent.id, title: urgent.title } : opened)
    )
    render(<MaterialsPage />)
    await screen.findByText('短信核验中的备案')
    expect(filings.get).toHaveBeenCalledWith({ id: urgent.id, reveal: false })
  })

  it('links to 信息自检', async () => {
    await renderReady()
    fireEvent.click(screen.getByText('信息自检 ›'))
    expect(openPage).toHaveBeenCalledWith('/filing/self-check/index')
  })

  it('puts a rule no material can fix in front of the user', async () => {
    // Shanghai: the owner principal must be the legal representative, no 授权书 helps
    await renderReady(sampleView({ profile: { province: '31', ownerPrincipalIsLegalRep: false } }))
    const alerts = screen.getAllByRole('alert')
    expect(alerts.length).toBeGreaterThanOrEqual(2)
    expect(alerts[0]).toHaveTextContent('有 1 条规则准备材料也解决不了')
    expect(alerts[0]).toHaveTextContent('请改由法定代表人担任主体负责人')
    expect(within(item('owner_principal_id')).getByRole('alert')).toHaveTextContent('准备材料解决不了这个问题')
  })

  it('lets an invited principal look but not change statuses', async () => {
    await renderReady(sampleView({ access: 'app_principal' }))
    expect(screen.getByText(/你是受邀查看这份备案/)).toBeInTheDocument()
    fireEvent.click(statusOption('authorization_letter', '已准备'))
    await act(async () => undefined)
    expect(filings.update).not.toHaveBeenCalled()
    expect(screen.getByText('已准备 3/7')).toBeInTheDocument()
  })

  it('without a filing, offers the wizard and the common materials', async () => {
    filings.list.mockResolvedValue(ok([]))
    render(<MaterialsPage />)
    await screen.findByText('还没有你的专属清单')
    expect(screen.getByText('大多数小程序都需要')).toBeInTheDocument()
    fireEvent.click(screen.getByText('生成我的材料清单'))
    expect(openPage).toHaveBeenCalledWith('/filing/wizard/index')
  })

  it('shows a load error and retries', async () => {
    filings.list.mockResolvedValueOnce(fail('UNAVAILABLE', '网络不可用，请检查网络后重试'))
    render(<MaterialsPage />)
    await screen.findByText('没能加载')
    expect(screen.getByText('网络不可用，请检查网络后重试')).toBeInTheDocument()
    serve(sampleView())
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('已准备 3/7')
  })
})
