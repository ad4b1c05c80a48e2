/** Desks and walls the documents lie on: plain colours, wood grain, woven fabric and stone, each with its own texture. */
import type { Rng } from './prng'
import { range } from './prng'
import type { Colour, Rgb } from './raster'

export const DESKS = ['black', 'grey', 'white', 'wood', 'fabric', 'stone', 'blue', 'green', 'red'] as const
export type Desk = (typeof DESKS)[number]

/** Smooth value noise on a coarse random grid (cells of `cell` pixels), values 0–1. */
export function valueNoise(rng: Rng, width: number, height: number, cell: number): (x: number, y: number) => number {
  const gw = Math.ceil(width / cell) + 2
  const gh = Math.ceil(height / cell) + 2
  const grid = new Float32Array(gw * gh)
  for (let i = 0; i < grid.length; i++) grid[i] = rng()
  return (x, y) => {
    const fx = x / cell
    const fy = y / cell
    const fx0 = Math.floor(fx)
    const fy0 = Math.floor(fy)
    const tx = fx - fx0
    const ty = fy - fy0
    // Tiles beyond the grid (stretched or negative coordinates) so every sample is a number
    const ix = ((fx0 % (gw - 1)) + gw - 1) % (gw - 1)
    const iy = ((fy0 % (gh - 1)) + gh - 1) % (gh - 1)
    const sx = tx * tx * (3 - 2 * tx)
    const sy = ty * ty * (3 - 2 * ty)
    const a = grid[iy * gw + ix] * (1 - sx) + grid[iy * gw + ix + 1] * sx
    const b = grid[(iy + 1) * gw + ix] * (1 - sx) + grid[(iy + 1) * gw + ix + 1] * sx
    return a * (1 - sy) + b * sy
  }
}

const PLAIN: Partial<Record<Desk, [Colour, Colour]>> = {
  black: [
    [14, 14, 16],
    [34, 32, 34]
  ],
  grey: [
    [105, 105, 108],
    [150, 150, 152]
  ],
  white: [
    [218, 218, 214],
    [240, 240, 236]
  ],
  blue: [
    [30, 70, 140],
    [60, 110, 180]
  ],
  green: [
    [35, 95, 60],
    [70, 140, 90]
  ],
  red: [
    [130, 30, 35],
    [180, 55, 50]
  ]
}

function mix(a: Colour, b: Colour, t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

/** The desk colour at each pixel: `shade` returns a base colour and texture value per pixel. */
function paint(img: Rgb, shade: (x: number, y: number) => [number, number, number]): void {
  const { width: w, height: h, data } = img
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = shade(x, y)
      const i = (y * w + x) * 3
      data[i] = r
      data[i + 1] = g
      data[i + 2] = b
    }
}

function wood(img: Rgb, rng: Rng): void {
  const dark: Colour = [range(rng, 95, 125), range(rng, 58, 75), range(rng, 30, 42)]
  const light: Colour = [range(rng, 170, 200), range(rng, 118, 140), range(rng, 70, 90)]
  const warp = valueNoise(rng, img.width, img.height, range(rng, 120, 220))
  const fine = valueNoise(rng, img.width, img.height, 6)
  const angle = range(rng, -0.3, 0.3)
  const freq = range(rng, 0.035, 0.07)
  const plank = range(rng, 220, 380)
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  paint(img, (x, y) => {
    const across = -x * sin + y * cos
    const along = x * cos + y * sin
    const grain = 0.5 + 0.5 * Math.sin(across * freq + warp(x, y) * 9 + Math.sin(along * 0.004) * 2)
    const seam = Math.abs((across % plank) + plank) % plank < 2.5 ? 0.55 : 1
    return mix(dark, light, Math.pow(grain, 1.6) * 0.8 + fine(along * 0.2, across * 3) * 0.2).map((v) => v * seam) as [
      number,
      number,
      number
    ]
  })
}

function fabric(img: Rgb, rng: Rng): void {
  const base: Colour = [range(rng, 60, 200), range(rng, 60, 170), range(rng, 60, 160)]
  const pitch = range(rng, 5, 9)
  const slub = valueNoise(rng, img.width, img.height, 40)
  paint(img, (x, y) => {
    const warpThread = 0.5 + 0.5 * Math.sin((x / pitch) * Math.PI * 2)
    const weftThread = 0.5 + 0.5 * Math.sin((y / pitch) * Math.PI * 2)
    const over = (Math.floor(x / pitch) + Math.floor(y / pitch)) % 2 === 0 ? warpThread : weftThread
    const f = 0.72 + 0.28 * over + (slub(x, y) - 0.5) * 0.12
    return [base[0] * f, base[1] * f, base[2] * f]
  })
}

function stone(img: Rgb, rng: Rng): void {
  const base: Colour = [range(rng, 110, 190), range(rng, 105, 180), range(rng, 100, 170)]
  const coarse = valueNoise(rng, img.width, img.height, 90)
  const mid = valueNoise(rng, img.width, img.height, 14)
  const grain = valueNoise(rng, img.width, img.height, 2.5)
  paint(img, (x, y) => {
    const g = grain(x, y)
    const speck = g > 0.88 ? 0.55 : g < 0.1 ? 1.25 : 1
    const f = (0.75 + 0.3 * coarse(x, y) + 0.15 * (mid(x, y) - 0.5)) * speck
    return [base[0] * f, base[1] * f, base[2] * f]
  })
}

/** Paints desk `desk` over the whole image. */
export function renderDesk(img: Rgb, desk: Desk, rng: Rng): void {
  if (desk === 'wood') return wood(img, rng)
  if (desk === 'fabric') return fabric(img, rng)
  if (desk === 'stone') return stone(img, rng)
  const [lo, hi] = PLAIN[desk] ?? [
    [128, 128, 128],
    [128, 128, 128]
  ]
  const base = mix(lo, hi, rng())
  const mottle = valueNoise(rng, img.width, img.height, range(rng, 60, 160))
  paint(img, (x, y) => {
    const f = 0.94 + 0.12 * mottle(x, y)
    return [base[0] * f, base[1] * f, base[2] * f]
  })
}
