// Draws the four tab-bar icons (81×81 PNG, grey and blue) so the repository needs no image editor.
// Run: node scripts/make-tab-icons.mjs
import { PNG } from 'pngjs'
import fs from 'node:fs'
import path from 'node:path'

const SIZE = 81
const out = path.resolve('src/assets/tab')
const colours = { idle: [122, 126, 131], active: [26, 115, 232] }

// Each icon is a signed test: (x, y) in [0,1]² → inside?
const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const ring = (x, y, cx, cy, r, w) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w
const disc = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) <= r
const frame = (x, y, x0, y0, x1, y1, w) => rect(x, y, x0, y0, x1, y1) && !rect(x, y, x0 + w, y0 + w, x1 - w, y1 - w)

const icons = {
  home: (x, y) => {
    const roof =
      y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.15 && Math.abs(x - 0.5) >= (y - 0.14) * 1.15 - 0.09
    return roof || frame(x, y, 0.24, 0.45, 0.76, 0.86, 0.07) || rect(x, y, 0.44, 0.62, 0.56, 0.86)
  },
  materials: (x, y) =>
    frame(x, y, 0.22, 0.12, 0.78, 0.88, 0.07) ||
    rect(x, y, 0.33, 0.3, 0.67, 0.36) ||
    rect(x, y, 0.33, 0.46, 0.67, 0.52) ||
    rect(x, y, 0.33, 0.62, 0.55, 0.68),
  progress: (x, y) =>
    rect(x, y, 0.27, 0.14, 0.33, 0.86) ||
    disc(x, y, 0.3, 0.22, 0.09) ||
    ring(x, y, 0.3, 0.5, 0.08, 0.03) ||
    ring(x, y, 0.3, 0.78, 0.08, 0.03) ||
    rect(x, y, 0.45, 0.19, 0.8, 0.25) ||
    rect(x, y, 0.45, 0.47, 0.74, 0.53) ||
    rect(x, y, 0.45, 0.75, 0.68, 0.81),
  mine: (x, y) => ring(x, y, 0.5, 0.33, 0.15, 0.035) || (ring(x, y, 0.5, 0.95, 0.33, 0.035) && y <= 0.86)
}

fs.mkdirSync(out, { recursive: true })
for (const [name, inside] of Object.entries(icons)) {
  for (const [state, rgb] of Object.entries(colours)) {
    const png = new PNG({ width: SIZE, height: SIZE })
    for (let py = 0; py < SIZE; py++) {
      for (let px = 0; px < SIZE; px++) {
        // 4× supersampling for smooth edges
        let hits = 0
        for (let s = 0; s < 16; s++)
          hits += inside((px + ((s % 4) + 0.5) / 4) / SIZE, (py + (Math.floor(s / 4) + 0.5) / 4) / SIZE) ? 1 : 0
        const i = (py * SIZE + px) * 4
        png.data[i] = rgb[0]
        png.data[i + 1] = rgb[1]
        png.data[i + 2] = rgb[2]
        png.data[i + 3] = Math.round((hits / 16) * 255)
      }
    }
    const file = path.join(out, state === 'idle' ? `${name}.png` : `${name}-active.png`)
    fs.writeFileSync(file, PNG.sync.write(png))
  }
}
console.log('tab icons written to', out)
