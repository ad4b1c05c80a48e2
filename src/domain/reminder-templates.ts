/**
 * The subscription-message templates our reminders use, and WeChat's limits on their field values. Split from
 * reminders.ts (which re-exports all of it) so the plan stays one concept per file.
 */
import type { TemplateKind } from './types'
import { maskPersonalData } from './personal-data'

export type TemplateFieldType = 'thing' | 'phrase' | 'time' | 'character_string' | 'date'

export interface ReminderTemplate {
  title: string
  fields: { key: string; type: TemplateFieldType; label: string }[]
}

export const REMINDER_TEMPLATES: Record<TemplateKind, ReminderTemplate> = {
  sms_deadline: {
    title: '备案短信核验提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '小程序名称' },
      { key: 'time2', type: 'time', label: '核验截止时间' },
      { key: 'thing3', type: 'thing', label: '温馨提示' }
    ]
  },
  review_progress: {
    title: '备案审核进度提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '小程序名称' },
      { key: 'phrase2', type: 'phrase', label: '审核阶段' },
      { key: 'date3', type: 'date', label: '预计完成日期' },
      { key: 'thing4', type: 'thing', label: '备注' }
    ]
  },
  todo_reminder: {
    title: '备案待办提醒',
    fields: [
      { key: 'thing1', type: 'thing', label: '待办事项' },
      { key: 'thing2', type: 'thing', label: '小程序名称' },
      { key: 'thing3', type: 'thing', label: '说明' }
    ]
  }
}

/** WeChat's limits per field type (subscribeMessage.send). */
export const FIELD_LIMITS: Record<TemplateFieldType, { maxLength: number; pattern?: RegExp }> = {
  thing: { maxLength: 20 },
  phrase: { maxLength: 5, pattern: /^[\u4e00-\u9fa5]{1,5}$/ },
  character_string: { maxLength: 32, pattern: /^[A-Za-z0-9\-_.:/#]{1,32}$/ },
  time: { maxLength: 20, pattern: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/ },
  date: { maxLength: 11, pattern: /^\d{4}年\d{1,2}月\d{1,2}日$/ }
}

export function isValidFieldValue(type: TemplateFieldType, value: string): boolean {
  const limit = FIELD_LIMITS[type]
  return !!value && Array.from(value).length <= limit.maxLength && (!limit.pattern || limit.pattern.test(value))
}

/**
 * Truncates free text to a `thing` (≤ 20 characters) and masks phone, ID and credit-code numbers and other long digit
 * runs, however they are written (spaces, dashes, full-width digits: see personal-data).
 */
export function toThing(value: string): string {
  const v = maskPersonalData(value.replace(/\s+/g, ' ').trim())
  const chars = Array.from(v)
  return chars.length <= 20 ? v : `${chars.slice(0, 19).join('')}…`
}
