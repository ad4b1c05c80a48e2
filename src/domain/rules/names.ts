/** Word lists the reviewers apply to the mini-program's name and 备注 (from the providers' rejection FAQs). */
import type { Severity } from '../types'

export interface NameWordRule {
  word: string
  severity: Severity
  /** approval: needs an authority's approval; brand: needs proof of the relation; exaggeration: 夸大用语. */
  kind: 'approval' | 'brand' | 'exaggeration'
  reason: string
}

export const RESTRICTED_NAME_WORDS: NameWordRule[] = [
  ...['中国', '中华', '国家', '全国', '国际', '中央', '国务院'].map((word) => ({
    word,
    severity: 'error' as Severity,
    kind: 'approval' as const,
    reason: `名称含“${word}”等字样须有相关部门批准，普通主体不能使用`
  })),
  {
    word: '官方',
    severity: 'warning',
    kind: 'brand',
    reason: '名称含“官方”，审核时会要求证明与该品牌或机构的关系'
  },
  ...['第一', '顶级', '最佳', '最好', '首选', '唯一'].map((word) => ({
    word,
    severity: 'warning' as Severity,
    kind: 'exaggeration' as const,
    reason: `名称含“${word}”属于夸大用语，常被驳回`
  }))
]

/** Names that sound like an organisation: an individual owner may not use them. */
export const ENTERPRISE_LIKE_WORDS = [
  '公司',
  '集团',
  '企业',
  '有限',
  '股份',
  '旗舰店',
  '商城',
  '门户',
  '研究院',
  '协会',
  '基金会',
  '事务所',
  '工作室'
]

/** Words too generic to relate a name to a business scope. */
export const GENERIC_NAME_WORDS = [
  '小程序',
  '助手',
  '平台',
  '服务',
  '工具',
  '在线',
  '智慧',
  '我的',
  '生活',
  '管家',
  '中心',
  '官方',
  '掌上',
  '指南'
]

/** 备注 contents the reviewers reject as too vague. */
export const VAGUE_DESCRIPTIONS = [
  '测试',
  '暂无',
  '待定',
  '无',
  'test',
  'demo',
  '小程序',
  '个人小程序',
  '展示',
  '学习使用'
]
