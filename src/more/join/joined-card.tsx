import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import { PLATFORMS } from '../../domain/rules/platforms'
import { STAGE_LABELS } from '../../domain/stages'
import type { FilingView } from '../../services/api-types'
import { setCurrentFilingId } from '../../services/filings'
import { ROLE_LABELS, type InviteRole } from '../../services/invites'
import { openPage } from '../../services/navigation'

/** The joined filing becomes the current one, so the progress page shows it. */
function viewProgress(filingId: string) {
  setCurrentFilingId(filingId)
  openPage(ROUTES.progress)
}

/** Just joined: what the filing is, what the invitee may see and do. */
export function JoinedCard({ filing }: { filing: FilingView }) {
  const role = ROLE_LABELS[filing.access as InviteRole] ?? '负责人'
  return (
    <View className='card join__done' role='status'>
      <Text className='join__title'>已加入备案</Text>
      <Text className='join__filing'>{filing.title}</Text>
      {filing.form.owner.name ? <Text className='join__line'>主办单位：{filing.form.owner.name}</Text> : null}
      <Text className='join__line'>
        {PLATFORMS[filing.profile.platform]?.name ?? ''} · 当前阶段：{STAGE_LABELS[filing.progress.stage]}
      </Text>
      <Text className='join__line'>
        你是这份备案的{role}。你能查看进度和材料（证件号码、手机号码等已打码），不能修改；工信部 12381
        短信核验开始时，你也会收到提醒。
      </Text>
      <Button type='primary' block className='join__progress' onClick={() => viewProgress(filing.id)}>
        查看备案进度
      </Button>
      <Button block className='join__reminders' onClick={() => openPage(ROUTES.reminders)}>
        设置短信核验提醒
      </Button>
    </View>
  )
}

/** This device joined with this invite before: straight on to the progress. */
export function AlreadyJoinedCard({ filingId, title }: { filingId: string; title: string }) {
  return (
    <View className='card join__done' role='status'>
      <Text className='join__title'>你已经加入了这份备案</Text>
      <Text className='join__filing'>{title}</Text>
      <Button type='primary' block className='join__progress' onClick={() => viewProgress(filingId)}>
        查看备案进度
      </Button>
    </View>
  )
}
