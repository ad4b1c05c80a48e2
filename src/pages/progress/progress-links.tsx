import { Cell } from '@nutui/nutui-react-taro'
import { ROUTES, withQuery } from '../../constants/routes'
import type { FilingView } from '../../services/api-types'
import { connectorPlatformOf } from '../../services/connector'
import { inviteUrl } from '../../services/invites'
import { openPage } from '../../services/navigation'

interface ProgressLinksProps {
  filing: FilingView
  inviteOffered: boolean
  remindersUrl: string
}

/** The screens around this filing: platform connection, online submission, invites, reminders. */
export default function ProgressLinks({ filing, inviteOffered, remindersUrl }: ProgressLinksProps) {
  const isOwner = filing.access === 'owner'
  const onConnector = !!connectorPlatformOf(filing.profile.platform)
  // a connected filing's stages come from the platform: offer the connection to the owner
  const everSynced = filing.progress.history.some((h) => h.source === 'platform')
  return (
    <Cell.Group>
      {isOwner && onConnector ? (
        <Cell
          className='progress__connect'
          title={everSynced ? '连接小程序 · 自动同步' : '连接小程序'}
          description={
            everSynced
              ? '查看连接状态、最近一次同步和平台通知'
              : '让小程序管理员授权一次，之后每个阶段自动记录，短信核验开始时立即提醒'
          }
          clickable
          onClick={() => openPage(withQuery(ROUTES.connect, { id: filing.id }))}
        />
      ) : null}
      {onConnector ? (
        <Cell
          className='progress__submit'
          title={isOwner ? '在线提交备案' : '人脸核身'}
          description={
            isOwner
              ? '照片上传、负责人人脸核身、提交和撤回，都通过平台接口完成'
              : '主办方发起人脸核身后，这里告诉你在手机上做什么、截止到什么时候'
          }
          clickable
          onClick={() => openPage(withQuery(ROUTES.submit, { id: filing.id }))}
        />
      ) : null}
      {inviteOffered ? (
        <Cell
          className='progress__invite'
          title='邀请负责人'
          description='主体负责人会收到 12381 短信、小程序负责人要做人脸核身：请他们一起接收提醒'
          clickable
          onClick={() => openPage(inviteUrl())}
        />
      ) : null}
      <Cell
        className='progress__reminders'
        title='提醒与日历'
        description='看看哪些提醒会按时送达，或把截止时间加到手机日历'
        clickable
        onClick={() => openPage(remindersUrl)}
      />
    </Cell.Group>
  )
}
