import { Text, View } from '@tarojs/components'

/** What no machine can check, said once so that an all-clear is not read as a guarantee. */
const MANUAL_CHECKS = [
  '每一项都与证件原件逐字一致；单位信息与国家企业信用信息公示系统一致',
  '证件照片是原件的彩色照片，清晰、四角完整、没有反光（材料页可以逐张检查照片）',
  '负责人手机保持畅通：平台初审通过后会收到 12381 的核验短信，须在 24 小时内完成核验'
]

export default function ManualChecks() {
  return (
    <View className='card check-result__manual'>
      <Text className='check-result__manual-title'>自检查不到的，请自己确认</Text>
      {MANUAL_CHECKS.map((item) => (
        <Text key={item} className='check-result__manual-item'>
          · {item}
        </Text>
      ))}
    </View>
  )
}
