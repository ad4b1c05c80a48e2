/** @jest-environment node */
import {
  analysePhoto,
  checkFraming,
  forAnalysis,
  locateDocument,
  locateFace,
  type RgbaImage
} from '../../../src/domain/photo'
import {
  blur,
  documentScene,
  faceScene,
  facePart,
  greyscale,
  mulberry32,
  photograph,
  renderDocument,
  renderFace,
  type DocumentScene,
  type Rgb
} from '../../fixtures/photos/synth'
import { PHONE_FILE } from './scoring'

const codesOf = (image: RgbaImage, kind: 'document' | 'face' = 'document'): string[] =>
  analysePhoto({ image, kind, platform: 'weapp', file: PHONE_FILE }).findings.map((f) => f.code)

/** The card's true corners in analysis-image pixels. */
function trueCorners(scene: DocumentScene, analysedWidth: number): Array<[number, number]> {
  const { cx, cy, w, h, angle } = scene.card
  const k = analysedWidth / scene.width
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1]
  ].map(([su, sv]) => {
    const lx = (su * w) / 2
    const ly = (sv * h) / 2
    return [
      (cx + lx * Math.cos(angle) - ly * Math.sin(angle)) * k,
      (cy + lx * Math.sin(angle) + ly * Math.cos(angle)) * k
    ]
  })
}

/** Darkens the desk (not the card) by `factor` inside a soft-edged box: a phone's shadow beside the card. */
function softShadow(image: RgbaImage, box: [number, number, number, number], factor: number): RgbaImage {
  const { width, height } = image
  const data = new Uint8ClampedArray(image.data)
  const [x0, y0, x1, y1] = box
  const soft = 0.04 * width
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = Math.min(x - x0, x1 - x, y - y0, y1 - y)
      if (inside <= -soft) continue
      const weight = Math.min(1, (inside + soft) / (2 * soft))
      const keep = 1 - (1 - factor) * weight
      const i = (y * width + x) * 4
      for (let ch = 0; ch < 3; ch++) data[i + ch] = data[i + ch] * keep
    }
  }
  return { width, height, data }
}

const sceneAt = (seed: number, patch: Partial<DocumentScene['card']> = {}, extra: Partial<DocumentScene> = {}) => {
  const base = documentScene(seed, [800, 600], 'id_card')
  return { ...base, ...extra, card: { ...base.card, cx: 330, cy: 300, w: 380, h: 240, ...patch } }
}

describe('locateDocument', () => {
  it.each([-0.26, -0.1, 0, 0.12, 0.26])('finds the four corners of a card rotated by %f rad within 2%', (angle) => {
    const scene = sceneAt(11, { angle })
    const image = photograph(renderDocument(scene), mulberry32(3), 3)
    const location = locateDocument(image)
    expect(location.status).toBe('found')
    const expected = trueCorners(scene, location.width)
    for (const [x, y] of expected) {
      const nearest = Math.min(...location.corners.map((c) => Math.hypot(c.x - x, c.y - y)))
      expect(nearest).toBeLessThan(0.02 * location.width)
    }
  })

  it('a soft shadow reaching from the card to the frame edge is not part of the document', () => {
    for (const seed of [4, 5, 6, 7]) {
      const scene = sceneAt(seed)
      const shadowed = softShadow(renderDocument(scene), [530, 180, 800, 420], 0.55)
      const image = photograph(shadowed, mulberry32(seed), 3)
      expect(codesOf(image)).not.toContain('PHOTO_DOCUMENT_CUT_OFF')
      expect(locateDocument(image).fraction).toBeLessThan(((380 * 240) / (800 * 600)) * 1.15)
    }
  })

  it('a card pushed past the frame edge has a corner on the edge: cut off', () => {
    const scene = sceneAt(8, { cx: 760 })
    const image = photograph(renderDocument(scene), mulberry32(8), 3)
    expect(checkFraming(forAnalysis(image)).findings.map((f) => f.code)).toEqual(['PHOTO_DOCUMENT_CUT_OFF'])
  })
})

describe('judging inside the document', () => {
  it('a colour card on a black desk is not grey; a photocopy on a wooden table is', () => {
    const black: Rgb = [22, 22, 26]
    const colour = sceneAt(12, { w: 260, h: 164 }, { background: black })
    expect(codesOf(photograph(renderDocument(colour), mulberry32(1), 3))).not.toContain('PHOTO_GREYSCALE')
    // a grey copy on a wooden table: the card from a grey render, the desk from a colour one (where two renders
    // on different desks differ, it is desk)
    const wood = sceneAt(13, {}, { background: [150, 104, 62] })
    const onWood = renderDocument(wood)
    const onBlack = renderDocument({ ...wood, background: [0, 0, 0] })
    const copy = greyscale(onWood)
    for (let i = 0; i < copy.data.length; i += 4) {
      if (onWood.data[i] !== onBlack.data[i]) copy.data.set(onWood.data.subarray(i, i + 3), i)
    }
    expect(codesOf(photograph(copy, mulberry32(2), 3))).toContain('PHOTO_GREYSCALE')
  })

  it('the plain white of a photocopy sheet is not glare', () => {
    const scene = sceneAt(14, {}, { paper: [247, 247, 247], background: [90, 70, 50] })
    expect(codesOf(photograph(greyscale(renderDocument(scene)), mulberry32(4), 2))).not.toContain('PHOTO_GLARE')
  })

  it('a licence shaken sideways is blurry even though its horizontal strokes stay sharp', () => {
    const scene = { ...documentScene(15, [800, 600], 'license') }
    const sharp = renderDocument(scene)
    const { width, height, data } = sharp
    const shaken = new Uint8ClampedArray(data.length)
    const length = 9
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let ch = 0; ch < 4; ch++) {
          let sum = 0
          for (let k = 0; k < length; k++) sum += data[(y * width + Math.min(width - 1, x + k)) * 4 + ch]
          shaken[(y * width + x) * 4 + ch] = sum / length
        }
      }
    }
    expect(codesOf(photograph(sharp, mulberry32(5), 2))).not.toContain('PHOTO_BLURRY')
    expect(codesOf(photograph({ width, height, data: shaken }, mulberry32(5), 2))).toContain('PHOTO_BLURRY')
  })
})

describe('faces', () => {
  const scene = faceScene(131, 'white', [600, 800])

  it('finds the face where the person is', () => {
    const face = locateFace(forAnalysis(renderFace(scene)))
    const k = forAnalysis(renderFace(scene)).width / scene.width
    expect(face.located).toBe(true)
    expect(Math.abs(face.cx - scene.cx * k)).toBeLessThan(0.1 * scene.rx * k)
    expect(Math.abs(face.cy - scene.cy * k)).toBeLessThan(0.5 * scene.ry * k)
  })

  it('hard light from one side leaves half the face dark: too dark, though the face centre is bright', () => {
    const image = renderFace(scene)
    const lit = photograph(image, mulberry32(6), 2)
    expect(codesOf(lit, 'face')).toEqual([])
    for (let y = 0; y < scene.height; y++) {
      for (let x = 0; x < scene.cx; x++) {
        if (facePart(scene, x, y) !== 'person') continue
        const i = (y * scene.width + x) * 4
        for (let ch = 0; ch < 3; ch++) image.data[i + ch] = image.data[i + ch] * 0.35
      }
    }
    expect(codesOf(photograph(image, mulberry32(6), 2), 'face')).toContain('PHOTO_FACE_TOO_DARK')
  })

  it('a sharp face in front of a defocused background is not blurry', () => {
    const sharp = renderFace(scene)
    const background = blur(renderFace({ ...scene, cx: scene.cx * 0.4, rx: scene.rx * 2 }), 12)
    for (let y = 0; y < scene.height; y++) {
      for (let x = 0; x < scene.width; x++) {
        if (facePart(scene, x, y) === 'person') continue
        const i = (y * scene.width + x) * 4
        sharp.data.set(background.data.subarray(i, i + 3), i)
      }
    }
    expect(codesOf(photograph(sharp, mulberry32(7), 2), 'face')).not.toContain('PHOTO_BLURRY')
  })
})
