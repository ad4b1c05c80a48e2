/**
 * An on/off answer drawn as a switch that assistive technology reads as one: `role="switch"` + `aria-checked` in the
 * browser, the mini-program's own `aria-role` on a phone (NutUI's Switch writes `aria-role` everywhere, which a
 * browser ignores).
 */
import { View } from '@tarojs/components'
import { runtimePlatform } from '../../services/platform'

interface ToggleProps {
  className: string
  checked: boolean
  label: string
  onChange(checked: boolean): void
}

export function Toggle({ className, checked, label, onChange }: ToggleProps) {
  const a11y =
    runtimePlatform() === 'h5'
      ? { role: 'switch', 'aria-checked': checked, 'aria-label': label, tabIndex: 0 }
      : { ariaRole: 'switch', ariaChecked: checked, ariaLabel: label }
  return (
    <View
      {...(a11y as Record<string, unknown>)}
      className={`wizard-toggle ${checked ? 'wizard-toggle--on' : ''} ${className}`}
      onClick={() => onChange(!checked)}
    >
      <View className='wizard-toggle__knob' />
    </View>
  )
}
