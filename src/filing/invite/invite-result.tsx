import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, invitePath } from '../../services/invites'
import { runtimePlatform } from '../../services/platform'
import { canSaveToAlbum, copyText, h5Link, openAppSettings, saveImageToAlbum } from '../../services/share'
import { formatTime } from './invite-list'
import type { Created } from './use-invites'

const miniProgram = runtimePlatform() !== 'h5'

interface InviteResultProps {
  created: Created
  notice: string
  onNotice: (text: string) => void
}

/** The invite just made: a share card in a mini program, a one-time link on H5, and the mini-program code. */
export default function InviteResult({ created, notice, onNotice }: InviteResultProps) {
  const link = !miniProgram ? h5Link(invitePath(created.invite.token)) : ''

  async function copyLink() {
    onNotice((await copyText(link)) ? '链接已复制，发给对方在手机上打开即可' : '没能复制，请长按链接手动复制')
  }

  async function saveCode(src: string) {
    const saved = await saveImageToAlbum(src)
    if (saved === 'saved') onNotice('二维码已保存到相册')
    else if (saved === 'denied') {
      onNotice('没有相册权限：请在设置里允许“保存到相册”，或长按二维码转发')
      openAppSettings()
    } else onNotice('没能保存，请长按二维码转发或保存')
  }

  return (
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
          <Button type='primary' block className='invite__copy' onClick={copyLink}>
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
  )
}
