import { ARRANGEMENTS_CHECKED_ON, PUBLISHED_ARRANGEMENTS, STATUTORY_HOLIDAY_SOURCE } from '../calendar/arrangements'
import { RULES_CHECKED_ON, SOURCE, type RuleDataVersion } from './sources'

export * from './sources'
export * from './regions'
export * from './platforms'
export * from './provinces'
export * from './owner-types'
export * from './industries'
export * from './materials'
export * from './names'

/** What the rule data is and how fresh it is, for the "about" page. */
export const RULE_DATA_VERSIONS: RuleDataVersion[] = [
  {
    id: 'platforms',
    title: '平台规则（微信、抖音、支付宝）：证件有效期、照片、审核时长',
    source: `${SOURCE.wechatGuide}；${SOURCE.douyinGuide}；${SOURCE.alipayGuide}`,
    checkedOn: RULES_CHECKED_ON
  },
  {
    id: 'provinces',
    title: '31个省级通信管理局的备案要求',
    source: SOURCE.providerProvinceRules,
    checkedOn: RULES_CHECKED_ON
  },
  { id: 'owner_types', title: '主体类型与证件', source: SOURCE.providerGuides, checkedOn: RULES_CHECKED_ON },
  {
    id: 'materials',
    title: '备案材料、授权书与承诺书模板',
    source: SOURCE.providerGuides,
    checkedOn: RULES_CHECKED_ON
  },
  {
    id: 'industries',
    title: '前置审批行业与关键词',
    source: '《互联网信息服务管理办法》第五条；《非经营性互联网信息服务备案管理办法》第十一条；微信备案表单',
    checkedOn: RULES_CHECKED_ON
  },
  {
    id: 'name_words',
    title: '小程序名称与备注的常见驳回用语',
    source: SOURCE.providerFaq,
    checkedOn: RULES_CHECKED_ON
  },
  {
    id: 'calendar',
    title: `节假日与调休安排（已公布：${Object.keys(PUBLISHED_ARRANGEMENTS).join('、')}年；其他年份按法定假日推算）`,
    source: `国务院办公厅各年部分节假日安排的通知；${STATUTORY_HOLIDAY_SOURCE}`,
    checkedOn: ARRANGEMENTS_CHECKED_ON
  },
  { id: 'sms_window', title: '工信部12381短信核验时限（24小时）', source: SOURCE.miitSms, checkedOn: RULES_CHECKED_ON },
  { id: 'id_card', title: '身份证号码校验规则', source: SOURCE.gb11643, checkedOn: RULES_CHECKED_ON },
  { id: 'uscc', title: '统一社会信用代码校验规则', source: SOURCE.gb32100, checkedOn: RULES_CHECKED_ON },
  { id: 'subscribe_message', title: '订阅消息字段限制', source: SOURCE.wechatSubscribe, checkedOn: RULES_CHECKED_ON }
]
