/**
 * A realistic, made-up filing for tests and benches: a Tianjin company whose mini-program principal is not the legal
 * representative (so the checklist shows Tianjin's 授权书 rule). Names, numbers and addresses are invented; the ID
 * numbers and the credit code carry valid check characters but belong to nobody we know of. Import it by this path:
 * it is not re-exported from the domain index, so it never ships in the app.
 */
import type { Filing, FilingForm, FilingProfile, FilingProgress } from './types'
import { applyStageAction, newProgress } from './stages'

/** The day the sample data is judged on: certificates stay valid well beyond it. */
export const SAMPLE_TODAY = '2026-11-23'

export const SAMPLE_FORM: FilingForm = {
  owner: {
    name: '天津云帆数字科技有限公司',
    certificateType: 'business_license',
    certificateNumber: '91120116MA05K8QR23',
    certificateValidUntil: '长期',
    region: { province: '12', city: '天津市', district: '滨海新区' },
    address: '海川路88号云帆大厦3层',
    certificateAddress: '天津市滨海新区海川路88号云帆大厦3层',
    businessScope: '一般项目：技术服务、技术开发、技术咨询、技术交流；软件开发；会议及展览服务；物业管理；办公服务。'
  },
  ownerPrincipal: {
    name: '李明远',
    idType: 'id_card',
    idNumber: '120101198503127034',
    idValidUntil: '2035-03-12',
    mobile: '13612340001',
    email: 'mingyuan@example.com'
  },
  miniProgram: {
    name: '云帆会议室预订',
    description:
      '为园区入驻企业提供会议室在线预订服务：查看会议室空闲时段、预约与取消、到场扫码签到，以及查询预订记录和使用统计。',
    serviceTypes: ['商务服务', '工具'],
    preApproval: 'none',
    preApprovals: []
  },
  appPrincipal: {
    name: '王若溪',
    idType: 'id_card',
    idNumber: '120116199208154522',
    idValidUntil: '2032-08-15',
    mobile: '13712340002',
    email: 'ruoxi@example.com'
  },
  emergencyContact: { name: '赵一鸣', mobile: '13812340003' }
}

export const SAMPLE_PROFILE: FilingProfile = {
  platform: 'weapp',
  filingType: 'new',
  ownerType: 'enterprise',
  province: '12',
  ownerPrincipalIsLegalRep: true,
  appPrincipalIsLegalRep: false,
  industries: [],
  texts: {
    ownerName: SAMPLE_FORM.owner.name,
    businessScope: SAMPLE_FORM.owner.businessScope,
    appName: SAMPLE_FORM.miniProgram.name,
    appDescription: SAMPLE_FORM.miniProgram.description
  }
}

function sampleProgress(): FilingProgress {
  const ctx = { platform: SAMPLE_PROFILE.platform, province: SAMPLE_PROFILE.province }
  let p = newProgress('2026-11-02T09:30:00+08:00')
  const steps: [Parameters<typeof applyStageAction>[1], string][] = [
    [{ type: 'submit' }, '2026-11-03T10:00:00+08:00'],
    [{ type: 'platform_pass', smsReceivedAt: '2026-11-04T15:20:00+08:00' }, '2026-11-04T15:32:00+08:00'],
    [{ type: 'sms_verified' }, '2026-11-04T16:05:00+08:00']
  ]
  for (const [action, at] of steps) {
    const r = applyStageAction(p, action, at, ctx)
    if (!r.ok) throw new Error(r.message)
    p = r.progress
  }
  return p
}

/** The sample in 管局审核, as a stored filing. */
export const SAMPLE_FILING: Filing = {
  id: 'sample-filing-0001',
  title: '云帆会议室预订',
  profile: SAMPLE_PROFILE,
  form: SAMPLE_FORM,
  progress: sampleProgress(),
  materials: {
    owner_certificate: 'ready',
    owner_principal_id: 'ready',
    app_principal_id: 'ready',
    authorization_letter: 'todo'
  },
  createdAt: '2026-11-02T09:30:00+08:00',
  updatedAt: '2026-11-04T16:05:00+08:00',
  version: 5
}
