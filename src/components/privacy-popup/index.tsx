import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import { openPage } from '../../services/navigation'
import {
  PRIVACY_AGREE_BUTTON_ID,
  agreePrivacy,
  declinePrivacy,
  onPrivacyRequest,
  openPrivacyContract
} from '../../services/privacy'
import './index.scss'

/** Shown when WeChat or Douyin parks a privacy API until the user agrees to our privacy policy. */
export default function PrivacyPopup() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyRequest(setOpen), [])

  return (
    <Popup visible={open} position='bottom' round closeOnOverlayClick={false} onClose={declinePrivacy}>
      <View className='privacy-popup'>
        <Text className='privacy-popup__title'>隐私保护提示</Text>
        <Text className='privacy-popup__body'>
          这个功能需要使用你选择的照片、剪贴板或日历。备案助手只在你的手机上检查照片，不上传；我们如何处理你的信息，请阅读
        </Text>
        <Text className='privacy-popup__link' onClick={() => openPrivacyContract(() => openPage(ROUTES.privacy))}>
          《备案助手隐私保护指引》
        </Text>
        <View className='privacy-popup__actions'>
          <Button className='privacy-popup__decline' onClick={declinePrivacy}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className='privacy-popup__agree'
            openType={'agreePrivacyAuthorization' as any}
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            同意并继续
          </Button>
        </View>
        <Text className='privacy-popup__note'>不同意也可以继续使用材料清单、信息自检和进度提醒。</Text>
      </View>
    </Popup>
  )
}
