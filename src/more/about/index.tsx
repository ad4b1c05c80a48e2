import { Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/page-shell'
import { RULE_DATA_VERSIONS } from '../../domain/rules'
import { formatWechatDate } from '../../domain/time'
// webpack keeps only the `version` property of package.json in the bundle
import pkg from '../../../package.json'
import './index.scss'

/** A rule table's version is the day it was last compared with its sources. */
const dataVersion = (checkedOn: string) => `v${checkedOn.replace(/-/g, '.')}`

export default function AboutPage() {
  return (
    <PageShell className='about'>
      <View className='card'>
        <Text className='section-title'>备案助手</Text>
        <Text className='about__intro'>
          帮小程序开发者和运营者走完微信、抖音、支付宝小程序的 ICP 备案：材料清单、提交前自检、进度和短信核验提醒。
        </Text>
      </View>
      <Cell.Group title='版本'>
        <Cell className='about__app-version' title='应用版本' extra={pkg.version} />
      </Cell.Group>

      <Text className='section-title'>规则数据</Text>
      <View className='card about__rules'>
        <Text className='about__lead'>
          材料清单和自检用到的规则都来自下列公开资料，并记下了最近一次核对的日期。平台和各省的要求会变，提交前请以平台页面为准。
        </Text>
        {RULE_DATA_VERSIONS.map((rule) => (
          <View key={rule.id} className='about__rule'>
            <View className='about__rule-head'>
              <Text className='about__rule-title'>{rule.title}</Text>
              <Text className='about__rule-version'>{dataVersion(rule.checkedOn)}</Text>
            </View>
            <Text className='about__rule-checked'>核对于 {formatWechatDate(rule.checkedOn)}</Text>
            <Text className='about__rule-source'>来源：{rule.source}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
