import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ReminderBudget } from '../../services/reminder-schedule'
import { canAskFor, requestStageSubscriptions, type SubscriptionRequestOutcome } from '../../services/subscriptions'
import './index.scss'

interface ReminderAskProps {
  budget?: ReminderBudget
  /** Something is being asked or saved: the button is off. */
  busy?: boolean
  /** Called with the dialog's pending answer, right after the tap opened it. */
  onAsked: (answer: Promise<SubscriptionRequestOutcome>) => void
}

/** In plain words: how many key reminders are covered, and what one more 允许 would add. */
export function budgetSummary(budget: ReminderBudget): string {
  const covered =
    budget.critical > 0 ? `关键提醒 ${budget.critical} 条，已允许 ${budget.criticalCovered} 条` : '没有待发的关键提醒'
  return budget.askCovers.length ? `${covered}；再允许一次，将能收到：${budget.askCovers.join('、')}` : covered
}

/**
 * "允许下一条提醒": one more accepted request = one more message per template. Shown while the budget says a tap
 * would cover something; the dialog opens synchronously inside the tap (WeChat and Douyin refuse it otherwise).
 */
export default function ReminderAsk({ budget, busy, onAsked }: ReminderAskProps) {
  if (!budget || budget.ask.length === 0 || !canAskFor(budget.ask)) return null
  return (
    <View className='card reminder-ask'>
      <Text className='reminder-ask__text'>{budgetSummary(budget)}</Text>
      <Button
        className='reminder-ask__button'
        type='primary'
        block
        disabled={busy}
        loading={busy}
        onClick={() => onAsked(requestStageSubscriptions(budget.ask))}
      >
        允许下一条提醒
      </Button>
    </View>
  )
}
