import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { qrMatrix } from '../../services/qr'

/**
 * A QR code drawn with Views: one row per module row, one absolutely placed View per run of dark modules (a few
 * hundred nodes, no canvas, the same on weapp, tt and H5). Sized by the page's CSS width.
 */
export default function QrCode({ content, className = '' }: { content: string; className?: string }) {
  const rows = useMemo(() => qrMatrix(content), [content])
  const size = rows.length
  const pct = (n: number) => `${(n * 100) / size}%`
  return (
    <View className={`qr-code ${className}`} role='img' aria-label='授权二维码'>
      {rows.map((row, y) => {
        const runs: [number, number][] = []
        for (let x = 0; x < size; x++) {
          if (!row[x]) continue
          const start = x
          while (x + 1 < size && row[x + 1]) x++
          runs.push([start, x - start + 1])
        }
        return (
          <View key={y} className='qr-code__row' style={{ height: pct(1), top: pct(y) }}>
            {runs.map(([x, w]) => (
              <View key={x} className='qr-code__dark' style={{ left: pct(x), width: pct(w) }} />
            ))}
          </View>
        )
      })}
    </View>
  )
}
