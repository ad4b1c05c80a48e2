/**
 * Pre-approval (前置审批) industries. The platforms serve this list from an API and it changes, so it is data: the
 * competent authority, the usual approval document, and the keywords that make reviewers ask for a 承诺书.
 */
import type { IndustryId } from '../types'
import { LAW, RULES_CHECKED_ON, SOURCE } from './sources'

export interface IndustryRules {
  id: IndustryId
  /** The label on the filing form. */
  label: string
  /** What it covers, in plain words. */
  explanation: string
  authority: string
  approvalExample: string
  /** Words that make a reviewer suspect the industry (in owner name, business scope, mini-program name or 备注). */
  keywords: string[]
  source: string
  checkedOn: string
}

const LAW_SOURCE = `${LAW.icpMeasures5}；${LAW.filingMeasures11}`

const industry = (i: Omit<IndustryRules, 'source' | 'checkedOn'>, source = LAW_SOURCE): IndustryRules => ({
  ...i,
  source,
  checkedOn: RULES_CHECKED_ON
})

export const INDUSTRIES: Record<IndustryId, IndustryRules> = {
  news: industry({
    id: 'news',
    label: '新闻',
    explanation: '采编、发布、转载时政类新闻资讯，或提供新闻信息的聚合、推送',
    authority: '国家或省级网信办',
    approvalExample: '互联网新闻信息服务许可证',
    keywords: ['新闻', '资讯', '时事', '头条', '快讯', '时政', '报道']
  }),
  publishing: industry({
    id: 'publishing',
    label: '出版',
    explanation: '在线发布图书、期刊、网络文学、漫画、音像等出版物',
    authority: '省级新闻出版主管部门',
    approvalExample: '网络出版服务许可证',
    keywords: ['出版', '电子书', '网络文学', '小说', '漫画', '期刊', '杂志', '图书']
  }),
  education: industry({
    id: 'education',
    label: '教育',
    explanation: '学历教育、在线课程、考试培训等教育教学服务',
    authority: '教育主管部门',
    approvalExample: '教育主管部门的审批或备案文件',
    keywords: ['教育', '学校', '网课', '课程', '考试', '题库', '教学', '学历', '留学', '考研']
  }),
  medical: industry({
    id: 'medical',
    label: '医疗保健',
    explanation: '在线问诊、挂号、健康咨询、医疗保健信息等',
    authority: '卫生健康主管部门',
    approvalExample: '卫生健康主管部门的审核同意文件',
    keywords: ['医疗', '医院', '诊所', '问诊', '挂号', '诊疗', '医生', '体检', '保健', '健康咨询', '养生']
  }),
  drugs_devices: industry({
    id: 'drugs_devices',
    label: '药品和医疗器械',
    explanation: '发布或销售药品、医疗器械的信息',
    authority: '药品监督管理部门',
    approvalExample: '互联网药品信息服务资格证书',
    keywords: ['药品', '药店', '药房', '医药', '处方', '医疗器械', '器械', '中药', '药材']
  }),
  culture: industry({
    id: 'culture',
    label: '文化',
    explanation: '网络游戏、网络音乐、网络演出、网络表演（直播）、动漫、艺术品等文化产品',
    authority: '文化和旅游主管部门',
    approvalExample: '网络文化经营许可证（文网文）',
    keywords: ['文化', '游戏', '直播', '演出', '音乐', '动漫', '艺术品', '表演', '文创']
  }),
  broadcasting: industry({
    id: 'broadcasting',
    label: '广播电影电视节目',
    explanation: '在线播放或上传视频、音频节目，影视、短剧、广播节目等',
    authority: '广播电视主管部门',
    approvalExample: '信息网络传播视听节目许可证',
    keywords: ['视频', '影视', '电影', '电视', '广播', '短剧', '网剧', '视听', '节目', '点播', '音频']
  }),
  ride_hailing: industry({
    id: 'ride_hailing',
    label: '网络预约车',
    explanation: '网约车、出租车叫车、顺风车等出行撮合服务',
    authority: '交通运输主管部门',
    approvalExample: '网络预约出租汽车经营许可证',
    keywords: ['网约车', '打车', '叫车', '约车', '出租车', '专车', '快车', '顺风车', '拼车', '代驾']
  }),
  internet_finance: industry({
    id: 'internet_finance',
    label: '互联网金融',
    explanation: '理财、借贷、支付、保险、众筹、证券投资等金融服务或信息',
    authority: '金融管理部门（人民银行、金融监管总局、证监会或地方金融管理局）',
    approvalExample: '金融业务许可证或地方金融管理部门的批复',
    keywords: [
      '金融',
      '理财',
      '贷款',
      '借贷',
      '信贷',
      '网贷',
      '众筹',
      '基金',
      '证券',
      '股票',
      '期货',
      '保险',
      '投资',
      '第三方支付',
      'P2P'
    ]
  }),
  tutoring: industry({
    id: 'tutoring',
    label: '校外培训（高中及以下阶段）',
    explanation: '面向中小学生（含高中）的学科类或非学科类校外培训、辅导',
    authority: '教育主管部门（校外培训监管）',
    approvalExample: '校外培训机构办学许可证或教育部门审批文件',
    keywords: ['培训', '辅导', '补习', '家教', '中小学', '小学', '初中', '高中', '中考', '高考', '作业', '托管']
  }),
  religion: industry({
    id: 'religion',
    label: '宗教',
    explanation: '发布宗教教义、宗教活动、宗教知识等宗教信息',
    authority: '省级宗教事务部门',
    approvalExample: '互联网宗教信息服务许可证',
    keywords: ['宗教', '佛教', '道教', '基督', '天主', '伊斯兰', '寺院', '寺庙', '教堂', '佛经', '礼佛', '祈福', '禅修']
  }),
  bulletin: industry(
    {
      id: 'bulletin',
      label: '电子公告',
      explanation: '论坛、留言板、贴吧、聊天室等用户可以公开发布信息的服务',
      authority: '通信管理局（电子公告服务专项审批）',
      approvalExample: '电子公告服务专项审批文件',
      keywords: ['论坛', '贴吧', '留言板', '发帖', '聊天室', 'BBS', '社交', '交友']
    },
    SOURCE.wechatGuide
  )
}

export const INDUSTRY_IDS = Object.keys(INDUSTRIES) as IndustryId[]

/** The approval document with its authority, naming the authority once (「教育主管部门的审批或备案文件」). */
export function approvalDocument(i: IndustryRules): string {
  const authority = i.authority.replace(/（.*）$/, '')
  return i.approvalExample.startsWith(authority) ? i.approvalExample : `${i.authority}的${i.approvalExample}`
}

/**
 * Service-content types (服务内容类型) that are themselves a pre-approval industry: choosing one says the
 * mini-program provides that service, so its approval is needed (rejection reason 11). Ambiguous types (文娱, 社交,
 * 交通出行) are not listed: they may or may not touch an industry, and the keyword check covers them.
 */
export const SERVICE_TYPE_INDUSTRIES: Record<string, IndustryId> = {
  教育: 'education',
  医疗: 'medical',
  金融: 'internet_finance',
  新闻: 'news',
  出版: 'publishing',
  医药: 'drugs_devices',
  宗教: 'religion'
}
