import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '../../services/page-hooks'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { PLATFORMS } from '../../domain/rules/platforms'
import { STAGE_LABELS } from '../../domain/stages'
import type { ErrorEnvelope, FilingView } from '../../services/api-types'
import { setCurrentFilingId } from '../../services/filings'
import { ROLE_LABELS, acceptInvite, isInviteToken, joinedInvite, type InviteRole } from '../../services/invites'
import { openPage } from '../../services/navigation'
import './index.scss'

type JoinState =
  | { state: 'asking' }
  | { state: 'joining' }
  | { state: 'joined'; filing: FilingView }
  /** This device already joined with this (now used) invite. */
  | { state: 'already'; filingId: string; title: string }
  | { state: 'error'; error: ErrorEnvelope }

/** Why an invite cannot be used, and what to do about it. */
function errorAdvice(error: ErrorEnvelope): { title: string; advice: string } {
  switch (error.code) {
    case 'GONE':
      return {
        title: '邀请已失效',
        advice: '每个邀请只能使用一次，72 小时内有效，发出人也可以撤销。请让对方在“邀请负责人”里重新发一个给你。'
      }
    case 'INVALID':
      return { title: '无法使用这个邀请', advice: error.message }
    case 'UNAVAILABLE':
    case 'INTERNAL':
      return { title: '暂时没能加入', advice: `${error.message}。邀请仍然有效，可以稍后再试。` }
    default:
      return { title: '没能加入', advice: error.message }
  }
}

export default function JoinPage() {
  const router = useRouter()
  const token = String(router?.params?.invite ?? '')
  const [join, setJoin] = useState<JoinState>(() => {
    const already = joinedInvite(token)
    if (already) return { state: 'already', filingId: already.filingId, title: already.title }
    if (!isInviteToken(token))
      return {
        state: 'error',
        error: { ok: false, code: 'INVALID', message: '邀请链接不完整，请让对方重新发送', fieldErrors: {} }
      }
    return { state: 'asking' }
  })

  async function accept() {
    setJoin({ state: 'joining' })
    const result = await acceptInvite(token)
    if (result.ok) {
      setCurrentFilingId(result.data.id)
      setJoin({ state: 'joined', filing: result.data })
    } else setJoin({ state: 'error', error: result })
  }

  const viewProgress = (filingId: string) => {
    setCurrentFilingId(filingId)
    openPage(ROUTES.progress)
  }

  if (join.state === 'joined') {
    const { filing } = join
    const role = ROLE_LABELS[filing.access as InviteRole] ?? '负责人'
    return (
      <PageShell className='join'>
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
      </PageShell>
    )
  }

  if (join.state === 'already')
    return (
      <PageShell className='join'>
        <View className='card join__done' role='status'>
          <Text className='join__title'>你已经加入了这份备案</Text>
          <Text className='join__filing'>{join.title}</Text>
          <Button type='primary' block className='join__progress' onClick={() => viewProgress(join.filingId)}>
            查看备案进度
          </Button>
        </View>
      </PageShell>
    )

  if (join.state === 'error') {
    const { title, advice } = errorAdvice(join.error)
    const retryable = join.error.code === 'UNAVAILABLE' || join.error.code === 'INTERNAL'
    return (
      <PageShell className='join'>
        <View className='card join__error' role='alert'>
          <Text className='join__title'>{title}</Text>
          <Text className='join__line'>{advice}</Text>
          {retryable ? (
            <Button type='primary' block className='join__retry' onClick={accept}>
              重试
            </Button>
          ) : null}
          <Button block className='join__home' onClick={() => openPage(ROUTES.home)}>
            回到首页
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className='join'>
      <View className='card join__ask'>
        <Text className='join__title'>有人邀请你一起跟进小程序备案</Text>
        <Text className='join__line'>
          备案时，工信部会从 12381 给负责人的手机发核验短信，必须在 24 小时内完成核验，否则备案会被退回、要重新提交。
        </Text>
        <Text className='join__line'>加入后你可以：</Text>
        <Text className='join__point'>· 查看备案进度和材料清单（证件号码、手机号码等已打码）</Text>
        <Text className='join__point'>· 短信核验开始时收到提醒，看到剩余时间</Text>
        <Text className='join__line muted'>你不能修改备案；发出邀请的人可以随时移除你。</Text>
        <Button
          type='primary'
          block
          className='join__accept'
          loading={join.state === 'joining'}
          disabled={join.state === 'joining'}
          onClick={accept}
        >
          加入并查看
        </Button>
        <Button block className='join__decline' onClick={() => openPage(ROUTES.home)}>
          暂不加入
        </Button>
      </View>
    </PageShell>
  )
}
