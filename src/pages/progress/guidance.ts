/** What the user should do in each stage, in one or two sentences (the 进度 page's "下一步"). */
import { PLATFORMS } from '../../domain'
import type { FilingProfile, Stage } from '../../domain/types'

export function stageGuidance(stage: Stage, profile: FilingProfile): string {
  const platform = PLATFORMS[profile.platform]
  switch (stage) {
    case 'draft':
      return `在${platform.whereToFile}提交备案后，回来点“我已提交备案”，我们按工作日算出每一步的预计日期。`
    case 'platform_review':
      return `${platform.shortName}初审一般 ${platform.platformReviewDays.min}–${platform.platformReviewDays.max} 个工作日，审核人员可能来电（短号码如 10658086 容易被拦截）。初审通过后，12381 会给主体负责人发短信，收到就点“初审通过”。`
    case 'platform_rejected':
      return '按下面的驳回原因改好，在平台上重新提交，再点“我已提交备案”。'
    case 'sms_verification':
      return '24 小时内完成 12381 短信核验，超时会被自动退回、整个备案要重新提交。'
    case 'sms_expired':
      return '超过 24 小时没有核验，工信部已自动退回：需要在平台上重新提交备案，通过初审后会再收到一条 12381 短信。重新提交后点“我已提交备案”。'
    case 'admin_review':
      return '管局审核 1–20 个工作日，因省份而异，无法催办；状态偶尔滞后，约 6 小时后再看。通过后会收到短信和邮件，里面有备案号。'
    case 'admin_rejected':
      return '按下面的驳回原因改好，在平台上重新提交（需要重新经过初审和短信核验），再点“我已提交备案”。'
    case 'approved':
      return '备案已完成，不会有纸质证书。平台会在小程序的资料页自动展示备案号。'
    case 'cancelled':
      return '这次备案已取消。要重新备案，新建一个备案即可。'
  }
}
