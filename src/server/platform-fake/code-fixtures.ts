/**
 * The code tables the fakes serve, in each platform's raw answer shape (wechat-icp-api.md §5, douyin-icp-api.md §5).
 * Made-up but shaped like the real ones: the MIIT codes the references quote (4 企业, 5 个人, 2 居民身份证,
 * 500 生活服务 → 1 生活缴费, 24 以上都不涉及, 110000 → 110100 市辖区 → 110101 东城区) and, for every province, its
 * capital with two districts. Second-level service types carry the names of the app's service-type choices.
 */

import type { PlatformCodeTables } from '../../cloud/platforms/filing-api'
import { normaliseDouyinTables, normaliseWechatTables } from '../../cloud/platforms/normalise-tables'

/** One province a line: code, name, its capital (市辖区 for municipalities), then districts as code suffix + name. */
const DISTRICT_ROWS = `
11 北京市 市辖区 01东城区 05朝阳区
12 天津市 市辖区 01和平区 16滨海新区
13 河北省 石家庄市 02长安区 04桥西区
14 山西省 太原市 05小店区 06迎泽区
15 内蒙古自治区 呼和浩特市 02新城区 03回民区
21 辽宁省 沈阳市 02和平区 03沈河区
22 吉林省 长春市 02南关区 04朝阳区
23 黑龙江省 哈尔滨市 02道里区 03南岗区
31 上海市 市辖区 01黄浦区 15浦东新区
32 江苏省 南京市 02玄武区 06鼓楼区
33 浙江省 杭州市 02上城区 06西湖区
34 安徽省 合肥市 02瑶海区 04蜀山区
35 福建省 福州市 02鼓楼区 03台江区
36 江西省 南昌市 02东湖区 03西湖区
37 山东省 济南市 02历下区 03市中区
41 河南省 郑州市 02中原区 05金水区
42 湖北省 武汉市 02江岸区 06武昌区
43 湖南省 长沙市 02芙蓉区 04岳麓区
44 广东省 广州市 04越秀区 06天河区
45 广西壮族自治区 南宁市 02兴宁区 03青秀区
46 海南省 海口市 05秀英区 06龙华区
50 重庆市 市辖区 03渝中区 05江北区
51 四川省 成都市 04锦江区 05青羊区
52 贵州省 贵阳市 02南明区 03云岩区
53 云南省 昆明市 02五华区 03盘龙区
54 西藏自治区 拉萨市 02城关区 03堆龙德庆区
61 陕西省 西安市 02新城区 03碑林区
62 甘肃省 兰州市 02城关区 03七里河区
63 青海省 西宁市 02城东区 03城中区
64 宁夏回族自治区 银川市 04兴庆区 05西夏区
65 新疆维吾尔自治区 乌鲁木齐市 02天山区 03沙依巴克区`
  .trim()
  .split('\n')
  .map((line) => {
    const [p, province, city, ...districts] = line.split(' ')
    return [p!, province!, city!, districts.map((d) => [d.slice(0, 2), d.slice(2)] as [string, string])] as const
  })

interface RegionNode {
  code: string
  name: string
  type: 1 | 2 | 3
  children: RegionNode[]
}

/** 深圳 as a second city of 广东: the tables are not one city per province everywhere. */
const EXTRA_CITIES: Record<string, [string, string, [string, string][]]> = {
  '44': [
    '440300',
    '深圳市',
    [
      ['440304', '福田区'],
      ['440305', '南山区']
    ]
  ]
}

function regionTree(): RegionNode[] {
  return DISTRICT_ROWS.map(([p, province, city, districts]) => {
    const cities: RegionNode[] = [
      {
        code: `${p}0100`,
        name: city,
        type: 2,
        children: districts.map(([d, name]) => ({ code: `${p}01${d}`, name, type: 3, children: [] }))
      }
    ]
    const extra = EXTRA_CITIES[p]
    if (extra) {
      const [code, name, ds] = extra
      cities.push({ code, name, type: 2, children: ds.map(([c, n]) => ({ code: c, name: n, type: 3, children: [] })) })
    }
    return { code: `${p}0000`, name: province, type: 1, children: cities }
  })
}

/** Lines of space-separated fields → rows. */
const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(' '))

/** 单位性质 (wechat §5.2): type, name. */
const SUBJECT_TYPES = rows(`
  1 国防机构
  2 政府机关
  3 事业单位
  4 企业
  5 个人
  6 社会团体
  7 民办非企业单位
  8 基金会`).map(([type, name]) => [Number(type), name!] as const)

/** Certificate types (wechat §5.3): type, the subject type it belongs to, name (personal ones under 5). */
const CERTIFICATE_TYPES = rows(`
  1 4 营业执照（个人或企业）
  2 5 居民身份证
  3 5 台湾居民来往大陆通行证
  4 5 港澳居民来往内地通行证
  5 5 护照
  6 2 统一社会信用代码证书
  7 3 事业单位法人证书
  8 6 社会团体法人登记证书
  9 7 民办非企业单位登记证书
  10 8 基金会法人登记证书
  11 4 组织机构代码证`).map(([type, subject, name]) => [Number(type), Number(subject), name!] as const)

/** Service content types (wechat §5.4: 500 生活服务 → 1 生活缴费, 2 招聘): type, parent (0 = first level), name. */
const SERVICE_CONTENT_TYPES = rows(`
  100 0 工具类
  101 100 工具
  102 100 信息查询
  200 0 商业服务
  201 200 商务服务
  202 200 企业管理
  203 200 物流服务
  500 0 生活服务
  1 500 生活缴费
  2 500 招聘
  501 500 生活服务
  502 500 餐饮
  503 500 房地产
  504 500 汽车
  600 0 电子商务
  601 600 电商平台
  700 0 出行与旅游
  701 700 旅游
  702 700 交通出行
  800 0 文体娱乐
  801 800 体育
  802 800 文娱
  900 0 社交
  901 900 社交
  1000 0 政务民生
  1001 1000 政务民生
  1100 0 教育
  1101 1100 教育
  1200 0 医疗
  1201 1200 医疗
  1300 0 金融
  1301 1300 金融
  9900 0 其他
  9901 9900 其他`).map(([type, parent, name]) => [Number(type), Number(parent), name!] as const)

/** 前置审批项 (wechat §5.5, 24 = 以上都不涉及): type, name. */
export const NRLX_NONE = 24
const NRLX_TYPES = rows(`
  1 新闻
  2 出版
  3 教育
  4 医疗保健
  5 药品和医疗器械
  6 电子公告服务
  9 文化
  10 广播电影电视节目
  11 网络预约车
  13 互联网金融
  14 校外培训
  15 宗教
  24 以上都不涉及`).map(([type, name]) => [Number(type), name!] as const)

// ---- WeChat raw answers (`items`) ----

export function wechatDistrictItems(): unknown[] {
  const toItem = (n: RegionNode): unknown => ({
    type: n.type,
    code: Number(n.code),
    name: n.name,
    ...(n.children.length ? { sub_list: n.children.map(toItem) } : {})
  })
  return regionTree().map(toItem)
}

export const wechatSubjectTypeItems = () => SUBJECT_TYPES.map(([type, name]) => ({ type, name, remark: '' }))
export const wechatCertificateTypeItems = () =>
  CERTIFICATE_TYPES.map(([type, subject_type, name]) => ({ type, subject_type, name, remark: '' }))
export const wechatServiceContentItems = () =>
  SERVICE_CONTENT_TYPES.map(([type, parent_type, name]) => ({ type, parent_type, name, remark: '' }))
export const wechatNrlxItems = () => NRLX_TYPES.map(([type, name]) => ({ type, name }))

// ---- Douyin raw answers (`data`) ----

export function douyinRegionList(): unknown[] {
  const toRegion = (n: RegionNode): unknown => ({
    code: n.code,
    name: n.name,
    type: n.type,
    sub_region: n.children.map(toRegion)
  })
  return regionTree().map(toRegion)
}

export function douyinCorpTypeList(): unknown[] {
  return SUBJECT_TYPES.map(([id, name]) => ({
    corp_type_id: id,
    corp_type_name: name,
    credentials_type_list: CERTIFICATE_TYPES.filter(([, s]) => s === id).map(([cid, , cname]) => ({
      credentials_type_id: cid,
      credentials_type_name: cname
    }))
  }))
}

export const douyinInchargeCredentialTypes = () =>
  CERTIFICATE_TYPES.filter(([, s]) => s === 5).map(([id, , name]) => ({
    credentials_type_id: id,
    credentials_type_name: name
  }))

export function douyinServiceContentTypes(): unknown[] {
  return SERVICE_CONTENT_TYPES.filter(([, parent]) => parent === 0).map(([id, , name]) => ({
    service_content_type_id: id,
    service_content_type_name: name,
    sub_service_content_type_list: SERVICE_CONTENT_TYPES.filter(([, parent]) => parent === id).map(
      ([sid, , sname]) => ({
        service_content_type_id: sid,
        service_content_type_name: sname
      })
    )
  }))
}

/** Douyin's list has no 以上都不涉及 entry: `involve_pre_approval: false` says it. */
export const douyinPreApprovalItems = () =>
  NRLX_TYPES.filter(([id]) => id !== NRLX_NONE).map(([id, name]) => ({
    pre_approval_item_id: id,
    pre_approval_item_name: name
  }))

/** The fixtures as the clients normalise them: what the fakes validate against (and the domain's tests can map onto). */
export function fakeCodeTables(
  platform: 'wechat' | 'douyin',
  fetchedAt = '2026-11-30T00:00:00.000Z'
): PlatformCodeTables {
  return platform === 'wechat'
    ? normaliseWechatTables(
        {
          districts: wechatDistrictItems(),
          subjectTypes: wechatSubjectTypeItems(),
          certificateTypes: wechatCertificateTypeItems(),
          serviceContentTypes: wechatServiceContentItems(),
          nrlxTypes: wechatNrlxItems()
        },
        fetchedAt
      )
    : normaliseDouyinTables(
        {
          regions: douyinRegionList(),
          corpTypes: douyinCorpTypeList(),
          inchargeCredentialTypes: douyinInchargeCredentialTypes(),
          serviceContentTypes: douyinServiceContentTypes(),
          preApprovalItems: douyinPreApprovalItems()
        },
        fetchedAt
      )
}
