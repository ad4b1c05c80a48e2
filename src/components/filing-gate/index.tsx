import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES, type TabKey } from '../../constants/routes'
import type { ErrorEnvelope } from '../../services/api-types'
import { openPage } from '../../services/navigation'
import LoadState from '../load-state'
import PageShell from '../page-shell'

interface NewFilingButtonProps {
  className?: string
  /** What the button promises on this page (default 新建备案). */
  text?: string
  /** A small outline button inside a card, instead of the page's main button. */
  small?: boolean
}

/** The one way into a new filing from a page that has none yet. */
export function NewFilingButton({ className, text = '新建备案', small }: NewFilingButtonProps) {
  return (
    <Button
      className={className ?? 'filing-gate__new'}
      type='primary'
      block={!small}
      size={small ? 'small' : undefined}
      fill={small ? 'outline' : undefined}
      onClick={() => openPage(ROUTES.wizard)}
    >
      {text}
    </Button>
  )
}

interface FilingGateProps {
  /** The page's filing (`useCurrentFiling`) while it is not ready: loading, none yet, or failed. */
  current: { state: 'loading' | 'ready' | 'empty' | 'error'; error?: ErrorEnvelope; reload(): Promise<void> }
  /** The page's own class, so the frame keeps the page's look. */
  className: string
  /** On a tab page: which one (the browser's tab bar stays while the filing loads). */
  tab?: TabKey
  title?: string
  emptyTitle?: string
  emptyDescription?: string
}

/**
 * What a filing page shows before it has its filing: the skeleton while it loads, 新建备案 when there is none yet,
 * the reason and 重试 when loading failed. Pages render it instead of their content until the filing is there.
 */
export default function FilingGate({ current, className, tab, title, emptyTitle, emptyDescription }: FilingGateProps) {
  return (
    <PageShell className={className} tab={tab}>
      {title ? <Text className='section-title'>{title}</Text> : null}
      <LoadState
        state={current.state === 'ready' ? 'loading' : current.state}
        error={current.state === 'error' ? current.error : undefined}
        onRetry={() => void current.reload()}
        emptyTitle={emptyTitle ?? '还没有备案'}
        emptyDescription={emptyDescription}
        emptyAction={<NewFilingButton />}
      />
    </PageShell>
  )
}

interface PageNoticeProps {
  /** The page's own class: the card's title and text take its `__title` / `__text` look. */
  className: string
  title: string
  text: string
}

/** Why a filing page has nothing to do for this filing (not its creator, a platform it cannot serve): one card. */
export function PageNotice({ className, title, text }: PageNoticeProps) {
  return (
    <PageShell className={className}>
      <View className='card'>
        <Text className={`${className}__title`}>{title}</Text>
        <Text className={`${className}__text`}>{text}</Text>
      </View>
    </PageShell>
  )
}
