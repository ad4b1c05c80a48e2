import { Text, View } from '@tarojs/components'

/** Why the principal should join: the 12381 SMS goes to their phone and must be answered within 24 hours. */
export default function WhyCard({ filingTitle }: { filingTitle: string }) {
  return (
    <View className='card invite__why'>
      <Text className='invite__title'>为什么要邀请负责人</Text>
      <Text className='invite__text'>
        负责人要做人脸核身；平台初审通过后，工信部会从 12381 给主体负责人的手机发核验短信，必须在 24
        小时内完成核验，否则备案会被退回、要重新提交。
      </Text>
      <Text className='invite__text'>
        请收短信的负责人加入「{filingTitle}
        」：核验开始时提醒会直接发给他，他也能看到剩余时间，并可以自己记下收到短信的时间和“已完成短信核验”。对方只能看到打码后的信息，不能修改其他内容。
      </Text>
    </View>
  )
}
