import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

interface ConsentCardProps {
  platformName: string
  consented: boolean
  onAgree: () => void
}

/** The separate consent before anything goes to the platform: exactly what is sent where, and what is kept. */
export default function ConsentCard({ platformName, consented, onAgree }: ConsentCardProps) {
  return (
    <View className='card submit__consent'>
      <Text className='submit__title'>发送到{platformName}的内容</Text>
      <Text className='submit__text'>
        提交时，备案助手以你授权的小程序身份，把下列内容经我们的服务器发送到{platformName}的小程序备案接口：
      </Text>
      <Text className='submit__item'>· 主办单位：名称、证件类型和号码、证件住所、通讯地址、所在地区</Text>
      <Text className='submit__item'>
        · 主体负责人和小程序负责人：姓名、证件号码和有效期、手机号码、邮箱、应急联系电话
      </Text>
      <Text className='submit__item'>· 小程序：服务内容、前置审批信息和备注</Text>
      <Text className='submit__item'>· 下面每一张照片（证件照片、授权书等），只在你点“上传”时发送</Text>
      <Text className='submit__text'>
        {`照片只经服务器转发给${platformName}，服务器不保存照片本身，也不写入日志；保存的只有平台返回的媒体编号。` +
          `负责人的人脸核身由${platformName}直接完成，备案助手拿不到人脸视频。`}
      </Text>
      {consented ? (
        <Text className='submit__text submit__consent-given'>你已同意，可以上传照片。</Text>
      ) : (
        <Button type='primary' block className='submit__agree' onClick={onAgree}>
          同意发送，开始上传照片
        </Button>
      )}
    </View>
  )
}
