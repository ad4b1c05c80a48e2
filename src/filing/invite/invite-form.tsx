import { Text, View } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import { INVITE_ROLES, isInviteRole, type InviteRole } from '../../services/invites'

interface InviteFormProps {
  role: InviteRole
  onRole: (role: InviteRole) => void
  creating: boolean
  createError: string
  /** an invite was made already: the button offers another one */
  hasCreated: boolean
  onCreate: () => void
}

/** Whom to invite, and the button that makes the invite. */
export default function InviteForm({ role, onRole, creating, createError, hasCreated, onCreate }: InviteFormProps) {
  const roleHint = INVITE_ROLES.find((r) => r.value === role)?.hint
  return (
    <View className='card invite__form'>
      <Text className='invite__label'>邀请谁？</Text>
      <Radio.Group
        className='invite__roles'
        direction='horizontal'
        shape='button'
        value={role}
        onChange={(v) => isInviteRole(v) && onRole(v)}
        options={INVITE_ROLES.map(({ value, label }) => ({ value, label }))}
      />
      {roleHint ? <Text className='invite__hint'>{roleHint}</Text> : null}
      <Button type='primary' block className='invite__create' loading={creating} disabled={creating} onClick={onCreate}>
        {hasCreated ? '再生成一个邀请' : '生成邀请'}
      </Button>
      {createError ? (
        <View className='invite__error' role='alert'>
          {createError}
        </View>
      ) : null}
    </View>
  )
}
