/** @jest-environment node */
import fc from 'fast-check'
import { ANALYSIS_MAX_SIDE, downscale, forAnalysis, toLuma, type RgbaImage } from '../../../src/domain/photo'
import { histogram, histogramQuantile, labelRegions } from '../../../src/domain/photo/raster'

const solid = (width: number, height: number, rgba: [number, number, number, number]): RgbaImage => {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i)
  return { width, height, data }
}

describe('downscale', () => {
  it('returns the same image when it is already small enough', () => {
    const image = solid(300, 200, [1, 2, 3, 255])
    expect(downscale(image, 300)).toBe(image)
    expect(forAnalysis(image)).toBe(image)
  })

  it.each([
    [4000, 3000, 512, 512, 384],
    [3000, 4000, 512, 384, 512],
    [1280, 720, 512, 512, 288],
    [1000, 10, 100, 100, 1]
  ])('%i×%i to at most %i px gives %i×%i', (width, height, maxSide, outW, outH) => {
    const out = downscale(solid(width, height, [9, 9, 9, 255]), maxSide)
    expect([out.width, out.height]).toEqual([outW, outH])
    expect(out.data).toHaveLength(outW * outH * 4)
  })

  it('keeps a flat colour flat, and each pixel is the mean of its box (every other row of a box ≥ 4 rows tall)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (width, height, maxSide, seed) => {
          const data = new Uint8ClampedArray(width * height * 4)
          let x = seed | 1
          for (let i = 0; i < data.length; i++) {
            x = (x * 1103515245 + 12345) % 2147483648
            data[i] = x >>> 23
          }
          const out = downscale({ width, height, data }, maxSide)
          expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(Math.max(maxSide, 1))
          if (out.data === data) return
          // the oracle: plain loops over each output pixel's box, the sampled rows only
          const step = height / out.height >= 4 ? 2 : 1
          const bound = (i: number, n: number, size: number) => Math.floor((i * size) / n)
          for (let oy = 0; oy < out.height; oy++) {
            for (let ox = 0; ox < out.width; ox++) {
              for (let c = 0; c < 4; c++) {
                let sum = 0
                let n = 0
                for (let y = bound(oy, out.height, height); y < bound(oy + 1, out.height, height); y += step)
                  for (let x0 = bound(ox, out.width, width); x0 < bound(ox + 1, out.width, width); x0++, n++)
                    sum += data[(y * width + x0) * 4 + c]
                expect(Math.abs(out.data[(oy * out.width + ox) * 4 + c] - sum / n)).toBeLessThanOrEqual(0.5)
              }
            }
          }
        }
      ),
      { numRuns: 60 }
    )
    const flat = downscale(solid(97, 61, [200, 100, 50, 255]), 10)
    expect(new Set(flat.data).size).toBe(4)
    expect(Array.from(flat.data.slice(0, 4))).toEqual([200, 100, 50, 255])
  })

  it('reads a Uint8Array that does not start on a 4-byte boundary (a Buffer slice) the same way', () => {
    const image = solid(40, 30, [10, 20, 30, 255])
    image.data[4 * 7] = 250
    const shifted = new Uint8Array(image.data.length + 1).subarray(1)
    shifted.set(image.data)
    expect(Array.from(downscale({ width: 40, height: 30, data: shifted }, 8).data)).toEqual(
      Array.from(downscale(image, 8).data)
    )
  })

  it('analyses at most ANALYSIS_MAX_SIDE px', () => {
    const small = forAnalysis(solid(2000, 1500, [0, 0, 0, 255]))
    expect(Math.max(small.width, small.height)).toBe(ANALYSIS_MAX_SIDE)
  })
})

describe('toLuma, histogram, labelRegions', () => {
  it.each([
    [[255, 255, 255], 255],
    [[0, 0, 0], 0],
    [[255, 0, 0], 77],
    [[0, 255, 0], 149],
    [[0, 0, 255], 29]
  ])('luma of %j is %i', (rgb, luma) => {
    expect(toLuma(solid(1, 1, [...(rgb as [number, number, number]), 255]))[0]).toBe(luma)
  })

  it('finds quantiles of a histogram', () => {
    const values = Uint8Array.from({ length: 100 }, (_, k) => k)
    const bins = histogram(values)
    expect(histogramQuantile(bins, 0.5)).toBe(49)
    expect(histogramQuantile(bins, 0.01)).toBe(0)
    expect(histogramQuantile(bins, 1)).toBe(99)
  })

  it('labels 4-connected regions and counts their pixels', () => {
    // 1 1 0 1
    // 0 1 0 1
    // 1 0 0 0   (diagonal neighbours are separate regions)
    const mask = Uint8Array.from([1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0])
    const { labels, sizes } = labelRegions(mask, 4, 3)
    expect(sizes.slice(1).sort()).toEqual([1, 2, 3])
    expect(labels[0]).toBe(labels[5])
    expect(labels[8]).not.toBe(labels[0])
    expect(labels[2]).toBe(0)
  })
})
