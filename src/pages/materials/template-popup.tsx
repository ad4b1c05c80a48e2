import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import type { ChecklistItem } from '../../domain/types'
import type { FilingView } from '../../services/api-types'
import { copyText } from '../../services/clipboard'
import { fillItemTemplate } from './template-text'

interface TemplatePopupProps {
  /** The material whose template is open; undefined = closed. */
  item: ChecklistItem | undefined
  filing: FilingView | undefined
  onClose(): void
}

/** A material's template wording, filled in from the filing, to copy and print. */
export default function TemplatePopup({ item, filing, onClose }: TemplatePopupProps) {
  const template = useMemo(() => (item && filing ? fillItemTemplate(item, filing) : undefined), [item, filing])
  return (
    <Popup
      className='materials__template-popup'
      visible={!!item}
      position='bottom'
      round
      closeable
      title={item ? `${item.title}模板` : ''}
      onClose={onClose}
    >
      {template ? (
        <View className='materials__template'>
          <Text className='muted'>已按你填写的信息填好；打印后手写签字、盖章。</Text>
          <View className='materials__template-body'>
            <Text className='materials__template-text' userSelect>
              {template.text}
            </Text>
          </View>
          {template.blanks.length ? (
            <Text className='materials__template-blanks'>
              需要手写补充：{template.blanks.join('、')}。证件号码等敏感信息不会自动填入。
            </Text>
          ) : null}
          <Button className='materials__copy' type='primary' block onClick={() => void copyText(template.text)}>
            复制全文
          </Button>
        </View>
      ) : null}
    </Popup>
  )
}
