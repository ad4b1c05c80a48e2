import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '../../services/page-hooks'
import { Button, Radio } from '@nutui/nutui-react-taro'
import FilingGate from '../../components/filing-gate'
import PageShell from '../../components/page-shell'
import { ROUTES } from '../../constants/routes'
import { useCurrentFiling } from '../../hooks/use-current-filing'
import {
  INVITE_ROLES,
  ROLE_LABELS,
  invitePath,
  inviteShareMessage,
  isInviteRole,
  type InviteRole
} from '../../services/invites'
import { runtimePlatform } from '../../services/platform'
import { canSaveToAlbum, copyText, h5Link, openAppSettings, saveImageToAlbum } from '../../services/share'
import InviteList, { formatTime } from './invite-list'
import { useInvites } from './use-invites'
import './index.scss'

const platform = runtimePlatform()
const miniProgram = platform !== 'h5'

export default function InvitePage() {
  const router = useRouter()
  const current = useCurrentFiling()
  const filing = current.filing
  const [role, setRole] = useState<InviteRole>(() =>
    isInviteRole(router?.params?.role) ? router.params.role : 'owner_principal'
  )
  const [notice, setNotice] = useState('')
  const filingId = filing?.access === 'owner' ? filing.id : undefined
  const invites = useInvites(filingId)
  const { created } = invites

  // The share card carries the invite path only: no name, no number, not even the filing's title
  useShareAppMessage(() =>
    created
      ? inviteShareMessage(created.invite.role, created.invite.token)
      : { title: '备案助手：小程序备案的材料、自检和短信核验提醒', path: ROUTES.home }
  )

  function create() {
    setNotice('')
    void invites.create(role)
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

  if (!filing)
    return <FilingGate current={current} className='invite' emptyDescription='先新建一份备案，再邀请负责人一起跟进。' />

  if (!filingId)
    return (
      <PageShell className='invite'>
        <View className='card'>
          <Text className='invite__title'>只有备案的创建者可以邀请</Text>
          <Text className='invite__text'>你是受邀查看这份备案的负责人。需要再邀请别人时，请联系备案的创建者。</Text>
        </View>
      </PageShell>
    )

  if (filing.profile.ownerType === 'individual')
    return (
      <PageShell className='invite'>
        <View className='card'>
          <Text className='invite__title'>个人备案不需要邀请</Text>
          <Text className='invite__text'>
            个人备案的主体负责人就是你自己：12381 的核验短信会发到你填写的手机号上，提醒也会直接发给你。
          </Text>
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
          负责人要做人脸核身；平台初审通过后，工信部会从 12381 给主体负责人的手机发核验短信，必须在 24
          小时内完成核验，否则备案会被退回、要重新提交。
        </Text>
        <Text className='invite__text'>
          请收短信的负责人加入「{filing.title}
          」：核验开始时提醒会直接发给他，他也能看到剩余时间，并可以自己记下收到短信的时间和“已完成短信核验”。对方只能看到打码后的信息，不能修改其他内容。
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
        <Button
          type='primary'
          block
          className='invite__create'
          loading={invites.creating}
          disabled={invites.creating}
          onClick={create}
        >
          {created ? '再生成一个邀请' : '生成邀请'}
        </Button>
        {invites.createError ? (
          <View className='invite__error' role='alert'>
            {invites.createError}
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

      <InviteList
        invites={invites.invites}
        revokeError={invites.revokeError}
        onRevoke={(invite) => void invites.revoke(invite)}
        onRetry={invites.retryList}
      />
    </PageShell>
  )
}
