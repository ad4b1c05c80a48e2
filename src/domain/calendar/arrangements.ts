/**
 * Official holiday arrangements (放假调休安排) published by the General Office of the State Council, one per year.
 * `holidays` are [name, first day, last day] ranges off work; `workdays` are the make-up working weekends (调休上班).
 * Checked day by day against the `chinese-days` package by test/unit/domain/calendar/calendar.test.ts.
 */
export interface HolidayArrangement {
  source: string
  holidays: [name: string, from: string, to: string][]
  workdays: string[]
}

export const ARRANGEMENTS_CHECKED_ON = '2026-11-23'

export const PUBLISHED_ARRANGEMENTS: Record<number, HolidayArrangement> = {
  2023: {
    source:
      '国务院办公厅关于2023年部分节假日安排的通知 https://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
    holidays: [
      ['元旦', '2022-12-31', '2023-01-02'],
      ['春节', '2023-01-21', '2023-01-27'],
      ['清明节', '2023-04-05', '2023-04-05'],
      ['劳动节', '2023-04-29', '2023-05-03'],
      ['端午节', '2023-06-22', '2023-06-24'],
      ['中秋节、国庆节', '2023-09-29', '2023-10-06']
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08']
  },
  2024: {
    source: '国务院办公厅关于2024年部分节假日安排的通知 https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07']
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12'
    ]
  },
  2025: {
    source:
      '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号） https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08']
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']
  },
  2026: {
    source:
      '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07']
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']
  }
}

/** The law used for years without a published arrangement. */
export const STATUTORY_HOLIDAY_SOURCE =
  '《全国年节及纪念日放假办法》（2024年11月修订，2025年1月1日起施行）：元旦1天，春节4天（农历除夕、正月初一至初三），清明节1天，劳动节2天（5月1日、2日），端午节1天，中秋节1天，国庆节3天（10月1日至3日）；全体公民放假的假日适逢周六、周日的，应当在工作日补假'
