/**
 * Where the rules come from. Every rule table carries one of these sources and the date it was last checked; the
 * "about" page lists RULE_DATA_VERSIONS so users can see how fresh the data is (and report corrections).
 */

/** The day the rule tables were last compared with their sources. */
export const RULES_CHECKED_ON = '2026-11-23'

export const LAW = {
  antiFraud23: '《中华人民共和国反电信网络诈骗法》第二十三条',
  icpMeasures4: '《互联网信息服务管理办法》（国务院令第292号）第四条',
  icpMeasures5: '《互联网信息服务管理办法》（国务院令第292号）第五条',
  filingMeasures5: '《非经营性互联网信息服务备案管理办法》第五条',
  filingMeasures11: '《非经营性互联网信息服务备案管理办法》第十一条',
  appNotice2023: '《工业和信息化部关于开展移动互联网应用程序备案工作的通知》（工信部信管〔2023〕105号）'
} as const

export const SOURCE = {
  wechatGuide: '微信公众平台《小程序备案》指引（设置 → 小程序备案）',
  douyinGuide: '抖音开放平台小程序备案指引（2023-10-24 开放）',
  alipayGuide: '支付宝开放平台小程序备案指引',
  providerProvinceRules: '阿里云、腾讯云等云服务商公开的各省通信管理局备案要求（2024–2025）',
  providerGuides: '微信、抖音及云服务商公开的小程序备案指南（2023–2025）',
  providerFaq: '云服务商公开的备案常见驳回原因（2023–2025）',
  miitSms: '工信部备案系统（beian.miit.gov.cn）短信核验说明：12381 短信须在24小时内核验',
  gb11643: 'GB 11643-1999《公民身份号码》',
  gb32100: 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》',
  wechatSubscribe: '微信小程序订阅消息 subscribeMessage.send 接口文档（字段类型与长度限制）'
} as const

export interface RuleDataVersion {
  id: string
  title: string
  source: string
  checkedOn: string
}
