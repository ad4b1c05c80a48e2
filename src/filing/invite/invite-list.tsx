import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import LoadState from '../../components/load-state'
import { formatWechatTime, isValidInstant } from '../../domain/time'
import { INVITE_STATE_LABELS, ROLE_LABELS, type InviteSummary } from '../../services/invites'
import type { InvitesState } from './use-invites'

export const formatTime = (iso?: string) => (iso && isValidInstant(iso) ? formatWechatTime(iso) : '')

interface InviteListProps {
  invites: InvitesState
  revokeError: string
  onRevoke(invite: InviteSummary): void
  onRetry(): void
}

/** 已发出的邀请: each with its state, and 撤销 / 移除 after a confirmation. */
export default function InviteList({ invites, revokeError, onRevoke, onRetry }: InviteListProps) {
  const [revoking, setRevoking] = useState<InviteSummary | null>(null)
  return (
    <>
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
          onRetry={onRetry}
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
        onConfirm={() => {
          const target = revoking
          setRevoking(null)
          if (target) onRevoke(target)
        }}
        onCancel={() => setRevoking(null)}
      />
    </>
  )
}
