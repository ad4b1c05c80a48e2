/**
 * The export as a person reads it: a Chinese summary beside the JSON (which keeps English keys for machines). Only
 * what the JSON holds, in the same words the app uses; the values are the user's own, as complete as in the JSON.
 */
import { OWNER_TYPES } from '../../domain/rules/owner-types'
import { PLATFORMS } from '../../domain/rules/platforms'
import { provinceName } from '../../domain/rules/regions'
import { REMINDER_LABELS } from '../../domain/reminder-budget'
import { STAGE_LABELS } from '../../domain/stages'
import type { FilingForm, FilingType } from '../../domain/types'
import { flattenForm } from '../../domain/filing-form'
import type { MyDataExport } from '../../services/api-types'
import { describeValue } from '../../filing/self-check/field-specs'
import { fullFieldLabel, isSensitivePath } from '../../filing/self-check/fields'

const FILING_TYPES: Record<FilingType, string> = { new: '新增备案', change: '变更备案', cancel: '注销备案' }
const ROLES: Record<string, string> = { owner_principal: '主体负责人', app_principal: '小程序负责人', owner: '创建者' }
const INVITE_STATES: Record<string, string> = { open: '待接受', accepted: '已接受', revoked: '已撤销' }
const DELIVERY_STATES: Record<string, string> = {
  pending: '会按时提醒',
  claimed: '发送中',
  sent: '已发送',
  failed: '没有发出',
  no_quota: '还不会收到（没有订阅次数）',
  cancelled: '不再需要',
  expired: '不再需要'
}

const when = (iso?: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : '—')
const label = <T extends string>(labels: Record<T, string>, key: string | undefined) =>
  (key && labels[key as T]) || key || '—'

function formLines(form: FilingForm | undefined): string[] {
  if (!form) return []
  return (
    Object.entries(flattenForm(form))
      .filter(([, value]) => value !== '')
      // option labels in words; sensitive values in full, as in the JSON (it is the user's own export)
      .map(([path, value]) => {
        const shown = isSensitivePath(path) ? value : describeValue(path, value, form) || value
        return `    ${fullFieldLabel(path)}：${shown}`
      })
  )
}

export function exportSummary(data: MyDataExport): string {
  const lines = [`备案助手 · 我的数据（导出于 ${when(data.exportedAt)}）`, '']
  lines.push(`一、我创建的备案（${data.filings.length} 个）`)
  data.filings.forEach((f, i) => {
    const p = f.profile as Partial<typeof f.profile> | undefined
    const facts = p
      ? [
          PLATFORMS[p.platform!]?.shortName ?? p.platform,
          label(FILING_TYPES, p.filingType),
          OWNER_TYPES[p.ownerType!]?.label ?? p.ownerType,
          p.province ? provinceName(p.province) : '未选省份'
        ]
      : []
    facts.push(`当前：${label(STAGE_LABELS, f.progress?.stage)}`)
    lines.push(`  ${i + 1}. ${f.title}：${facts.join(' · ')}`)
    lines.push(...formLines(f.form))
  })
  lines.push('', `二、我加入的备案（${data.sharedWithMe.length} 个）`)
  data.sharedWithMe.forEach((f, i) =>
    lines.push(`  ${i + 1}. ${f.title}：我是${label(ROLES, f.access)}，加入于 ${when(f.joinedAt)}`)
  )
  lines.push('', `三、我发出的邀请（${data.invites.length} 个）`)
  data.invites.forEach((v, i) =>
    lines.push(`  ${i + 1}. 邀请${label(ROLES, v.role)}：${label(INVITE_STATES, v.state)}，发出于 ${when(v.createdAt)}`)
  )
  lines.push('', `四、订阅消息（${data.subscriptions.length} 条）`)
  data.subscriptions.forEach((s, i) => lines.push(`  ${i + 1}. ${s.template}：剩余 ${s.quota} 次`))
  lines.push('', `五、提醒（${data.reminders.length} 条）`)
  data.reminders.forEach((r, i) =>
    lines.push(
      `  ${i + 1}. ${label(REMINDER_LABELS, r.kind)}：${label(DELIVERY_STATES, r.state)}，计划 ${when(r.dueAt)}`
    )
  )
  return lines.join('\n')
}
