import { nextAction } from '../../../src/components/filing-card/next-action'

describe('nextAction: what a filing card says comes next', () => {
  it.each([
    ['draft', 'owner', '下一步', '完成自检并提交', 'todo'],
    ['draft', 'app_principal', '下一步', '等待对方完成自检并提交', 'wait'],
    ['platform_rejected', 'owner', '下一步', '按平台驳回原因修改后重新提交', 'todo'],
    ['sms_expired', 'app_principal', '下一步', '短信核验已超时，等待对方重新提交', 'wait'],
    ['admin_rejected', 'owner', '下一步', '按管局驳回原因修改后重新提交', 'todo'],
    ['platform_review', 'app_principal', '下一步', '等待平台初审', 'wait'],
    ['sms_verification', 'owner', '下一步', '24 小时内完成短信核验', 'urgent'],
    ['admin_review', 'owner', '下一步', '等待管局审核', 'wait'],
    ['cancelled', 'owner', '状态', '本次备案已取消', 'ended'],
    ['approved', 'owner', '状态', '备案成功，记下备案号', 'done']
  ] as const)('%s seen by %s: %s %s (%s)', (stage, access, label, text, tone) => {
    expect(nextAction({ stage, access, filingNumber: undefined })).toEqual({ label, text, tone })
  })

  it('an approved filing with its number shows the number', () => {
    expect(nextAction({ stage: 'approved', access: 'app_principal', filingNumber: '粤ICP备2026000001号-1X' })).toEqual({
      label: '备案号',
      text: '粤ICP备2026000001号-1X',
      tone: 'done'
    })
  })
})
