import { useCallback, useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Dialog, Radio } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { formatWechatTime, isValidInstant } from '../../domain/time'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import type { CreatedInvite } from '../../services/api-types'
import {
  INVITE_ROLES,
  INVITE_STATE_LABELS,
  ROLE_LABELS,
  createInvite,
  invitePath,
  inviteShareMessage,
  isInviteRole,
  listInvites,
  revokeInvite,
  type InviteRole,
  type InviteSummary
} from '../../services/invites'
import { openPage } from '../../services/navigation'
import { runtimePlatform } from '../../services/platform'
import {
  canSaveToAlbum,
  copyText,
  h5Link,
  imageFromBase64,
  openAppSettings,
  saveImageToAlbum
} from '../../services/share'
import './index.scss'

interface Created {
  invite: CreatedInvite
  /** The mini-program code as a local file (WeChat), when the server drew one. */
  codeSrc?: string
}

type InvitesState =
  { state: 'loading' } | { state: 'ready'; invites: InviteSummary[] } | { state: 'error'; message: string }

const platform = runtimePlatform()
const miniProgram = platform !== 'h5'

const formatTime = (iso?: string) => (iso && isValidInstant(iso) ? formatWechatTime(iso) : '')

export default function InvitePage() {
  const router = useRouter()
  const current = useCurrentFiling()
  const filing = current.filing
  const [role, setRole] = useState<InviteRole>(() =>
    isInviteRole(router?.params?.role) ? router.params.role : 'owner_principal'
  )
  const [created, setCreated] = useState<Created | null>(null)
  const [creating, setCreating] = useState(false)
  const [createError, setCreateError] = useState('')
  const [notice, setNotice] = useState('')
  const [invites, setInvites] = useState<InvitesState>({ state: 'loading' })
  const [revoking, setRevoking] = useState<InviteSummary | null>(null)
  const [revokeError, setRevokeError] = useState('')
  const latestList = useRef(0)

  const filingId = filing?.access === 'owner' ? filing.id : undefined

  const loadInvites = useCallback(async () => {
    if (!filingId) return
    const request = ++latestList.current
    const result = await listInvites(filingId)
    if (request !== latestList.current) return
    setInvites(result.ok ? { state: 'ready', invites: result.data } : { state: 'error', message: result.message })
  }, [filingId])

  useEffect(() => {
    void loadInvites()
  }, [loadInvites])

  // The share card carries the invite path only: no name, no number, not even the filing's title
  useShareAppMessage(() =>
    created
      ? inviteShareMessage(created.invite.role, created.invite.token)
      : { title: '备案助手：小程序备案的材料、自检和短信核验提醒', path: ROUTES.home }
  )

  async function create() {
    if (!filingId) return
    setCreating(true)
    setCreateError('')
    setNotice('')
    const result = await createInvite(filingId, role)
    setCreating(false)
    if (!result.ok) {
      setCreateError(result.message)
      return
    }
    const code = result.data.code
    setCreated({
      invite: result.data,
      codeSrc: code ? imageFromBase64(code.base64, code.contentType, `invite-${result.data.inviteId}`) : undefined
    })
    void loadInvites()
  }

  async function copyLink(link: string) {
    setNotice((await copyText(link)) ? '链接已复制，发给对方在手机上打开即可' : '没能复制，请长按链接手动复制')
  }

  async function saveCode(src: string) {
    const saved = await saveImageToAlbum(src)
    if (saved === 'saved') setNotice('二维码已保存到相册')
    else if (saved === 'denied') {
      setNotice('没有相册权限：请在设置里允许“保存到相册”，或长按二维码转发')
      openAppSettings()
    } else setNotice('没能保存，请长按二维码转发或保存')
  }

  async function confirmRevoke() {
    const target = revoking
    setRevoking(null)
    if (!target) return
    setRevokeError('')
    const result = await revokeInvite(target.inviteId)
    if (!result.ok) setRevokeError(result.message)
    if (created?.invite.inviteId === target.inviteId) setCreated(null)
    void loadInvites()
  }

  if (current.state !== 'ready' || !filing)
    return (
      <PageShell className='invite'>
        <LoadState
          state={current.state}
          error={current.state === 'error' ? current.error : undefined}
          onRetry={current.reload}
          emptyDescription='先新建一份备案，再邀请负责人一起跟进。'
          emptyAction={
            <Button type='primary' size='small' onClick={() => openPage(ROUTES.wizard)}>
              新建备案
            </Button>
          }
        />
      </PageShell>
    )

  if (!filingId)
    return (
      <PageShell className='invite'>
        <View className='card'>
          <Text className='invite__title'>只有备案的创建者可以邀请</Text>
          <Text className='invite__text'>你是受邀查看这份备案的负责人。需要再邀请别人时，请联系备案的创建者。</Text>
        </View>
      </PageShell>
    )

  const roleHint = INVITE_ROLES.find((r) => r.value === role)?.hint
  const link = created && !miniProgram ? h5Link(invitePath(created.invite.token)) : ''

  return (
    <PageShell className='invite'>
      <View className='card invite__why'>
        <Text className='invite__title'>为什么要邀请负责人</Text>
        <Text className='invite__text'>
          平台初审通过后，工信部会从 12381 给负责人的手机发核验短信，必须在 24
          小时内完成核验，否则备案会被退回、要重新提交。
        </Text>
        <Text className='invite__text'>
          请收短信的负责人加入「{filing.title}
          」：核验开始时提醒会直接发给他，他也能看到剩余时间。对方只能看到打码后的信息，不能修改。
        </Text>
      </View>

      <View className='card invite__form'>
        <Text className='invite__label'>邀请谁？</Text>
        <Radio.Group
          className='invite__roles'
          direction='horizontal'
          shape='button'
          value={role}
          onChange={(v) => isInviteRole(v) && setRole(v)}
          options={INVITE_ROLES.map(({ value, label }) => ({ value, label }))}
        />
        {roleHint ? <Text className='invite__hint'>{roleHint}</Text> : null}
        <Button type='primary' block className='invite__create' loading={creating} disabled={creating} onClick={create}>
          {created ? '再生成一个邀请' : '生成邀请'}
        </Button>
        {createError ? (
          <View className='invite__error' role='alert'>
            {createError}
          </View>
        ) : null}
      </View>

      {created ? (
        <View className='card invite__result'>
          <Text className='invite__title'>邀请{ROLE_LABELS[created.invite.role]}</Text>
          <Text className='invite__text'>
            有效期至 {formatTime(created.invite.expiresAt)}，只能使用一次。
            {miniProgram ? '离开这个页面后就不能再发送它了，需要时可以再生成一个。' : '链接只显示这一次，请现在发出。'}
          </Text>
          {miniProgram ? (
            <Button type='primary' block openType='share' className='invite__share'>
              发送邀请卡片
            </Button>
          ) : (
            <>
              <View className='invite__link'>
                <Text className='invite__link-text' userSelect>
                  {link}
                </Text>
              </View>
              <Button type='primary' block className='invite__copy' onClick={() => copyLink(link)}>
                复制链接
              </Button>
              <Text className='invite__hint'>通过微信、短信等发给对方，在手机浏览器里打开。</Text>
            </>
          )}
          {created.codeSrc ? (
            <View className='invite__code'>
              <Image className='invite__code-image' src={created.codeSrc} mode='aspectFit' showMenuByLongpress />
              <Text className='invite__hint'>也可以让对方用微信扫这个小程序码；长按图片可以转发或保存。</Text>
              {canSaveToAlbum() ? (
                <Button block className='invite__save' onClick={() => saveCode(created.codeSrc!)}>
                  保存到相册
                </Button>
              ) : null}
            </View>
          ) : null}
          {notice ? <Text className='invite__notice'>{notice}</Text> : null}
        </View>
      ) : null}

      <Text className='section-title'>已发出的邀请</Text>
      {revokeError ? (
        <View className='invite__error' role='alert'>
          {revokeError}
        </View>
      ) : null}
      {invites.state === 'ready' && invites.invites.length > 0 ? (
        <View className='card invite__list'>
          {invites.invites.map((invite) => (
            <View key={invite.inviteId} className={`invite__item invite__item--${invite.state}`}>
              <View className='invite__item-main'>
                <Text className='invite__item-role'>{ROLE_LABELS[invite.role]}</Text>
                <Text className={`invite__state invite__state--${invite.state}`}>
                  {INVITE_STATE_LABELS[invite.state]}
                </Text>
              </View>
              <Text className='invite__item-time'>
                {invite.state === 'accepted'
                  ? `${formatTime(invite.acceptedAt)} 加入`
                  : `${invite.state === 'open' ? '有效期至' : '曾有效至'} ${formatTime(invite.expiresAt)}`}
              </Text>
              {invite.state === 'open' || invite.state === 'accepted' ? (
                <Button size='small' className='invite__revoke' onClick={() => setRevoking(invite)}>
                  {invite.state === 'open' ? '撤销' : '移除'}
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ) : (
        <LoadState
          state={invites.state === 'ready' ? 'empty' : invites.state}
          error={
            invites.state === 'error'
              ? { ok: false, code: 'UNAVAILABLE', message: invites.message, fieldErrors: {} }
              : undefined
          }
          onRetry={() => {
            setInvites({ state: 'loading' })
            void loadInvites()
          }}
          rows={2}
          emptyTitle='还没有发出邀请'
          emptyDescription='生成的邀请会列在这里，可以随时撤销。'
        />
      )}

      <Dialog
        className='invite__confirm'
        visible={revoking !== null}
        title={revoking?.state === 'accepted' ? '移除这位负责人？' : '撤销这个邀请？'}
        content={
          revoking?.state === 'accepted'
            ? '移除后对方看不到这份备案，也不再收到提醒。'
            : '撤销后，这个邀请的卡片、二维码和链接都不能再使用。'
        }
        confirmText={revoking?.state === 'accepted' ? '移除' : '撤销'}
        cancelText='取消'
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      />
    </PageShell>
  )
}
