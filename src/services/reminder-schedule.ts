/**
 * The reminders of one filing as the pages show them (`filings.schedule`): each with one status from the delivery
 * records, and the caller's subscription budget — how many key reminders the units granted so far cover, and what
 * one more accepted request would add.
 */
import type { FilingSchedule } from './api-types'

export type ScheduleItem = FilingSchedule['reminders'][number]
export type ReminderStatus = ScheduleItem['status']
export type ReminderBudget = FilingSchedule['budget']
export type Schedule = FilingSchedule
