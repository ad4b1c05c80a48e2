/** Draws every parameter of a face-check photo of a class from the photo's own random stream. */
import type { CameraSettings } from './camera'
import type { PhotoClass } from './classes'
import type { FaceSceneSpec } from './face-scene'
import type { Rng } from './prng'
import { chance, intRange, pick, range } from './prng'
import type { Colour } from './raster'

const WIDTH = 480
const HEIGHT = 640

const SKIN: Colour[] = [
  [232, 196, 172],
  [218, 172, 140],
  [196, 148, 112],
  [170, 120, 88],
  [132, 90, 64]
]
const HAIR: Colour[] = [
  [22, 18, 16],
  [40, 28, 20],
  [70, 48, 30]
]
const SHIRT: Colour[] = [
  [30, 34, 48],
  [200, 200, 205],
  [120, 30, 40],
  [40, 80, 120],
  [60, 60, 60]
]
/** Walls that are not white: tinted paint, grey, a dim room, or a bookshelf. */
const NOT_WHITE: Array<{ name: string; wall: Colour; backdrop: FaceSceneSpec['backdrop'] }> = [
  { name: 'blue-wall', wall: [150, 185, 215], backdrop: 'plain' },
  { name: 'grey-wall', wall: [128, 128, 130], backdrop: 'plain' },
  { name: 'beige-wall', wall: [205, 182, 145], backdrop: 'plain' },
  { name: 'green-wall', wall: [150, 190, 150], backdrop: 'plain' },
  { name: 'bookshelf', wall: [190, 170, 140], backdrop: 'bookshelf' }
]

function faceCamera(rng: Rng): CameraSettings {
  return {
    gradient: { angle: range(rng, 0, 2 * Math.PI), strength: range(rng, 0, 0.06) },
    vignette: range(rng, 0.03, 0.15),
    shadows: [],
    gain: range(rng, 0.97, 1.04),
    lift: 0,
    noise: range(rng, 1.5, 3.5),
    whiteBalance: [range(rng, 0.98, 1.03), 1, range(rng, 0.96, 1.02)],
    quality: intRange(rng, 60, 92)
  }
}

/** The full scene of face photo k of `photoClass`, plus its variant. */
export function planFace(photoClass: PhotoClass, k: number, rng: Rng): { spec: FaceSceneSpec; variant: string } {
  const white = range(rng, 232, 250)
  const rx = WIDTH * range(rng, 0.17, 0.23)
  const spec: FaceSceneSpec = {
    width: WIDTH,
    height: HEIGHT,
    wall: [white, white, white - range(rng, 0, 4)],
    backdrop: 'plain',
    backgroundBlur: 0,
    skin: pick(rng, SKIN),
    hair: pick(rng, HAIR),
    shirt: pick(rng, SHIRT),
    head: {
      cx: WIDTH * range(rng, 0.45, 0.55),
      cy: HEIGHT * range(rng, 0.36, 0.44),
      rx,
      ry: rx * range(rng, 1.25, 1.4),
      roll: range(rng, -0.12, 0.12)
    },
    light: { x: range(rng, -0.25, 0.25), y: -0.2, z: 1, key: range(rng, 0.6, 0.72), ambient: range(rng, 0.32, 0.4) },
    camera: faceCamera(rng)
  }
  let variant = 'plain'
  if (photoClass === 'face-clean' && k % 3 === 2) {
    variant = 'defocused-background'
    spec.backdrop = 'objects'
    spec.backgroundBlur = range(rng, 8, 14)
  }
  if (photoClass === 'face-side-lit') {
    const side = chance(rng, 0.5) ? 1 : -1
    variant = side > 0 ? 'lit-from-right' : 'lit-from-left'
    spec.light = {
      x: side * range(rng, 0.9, 1),
      y: range(rng, -0.2, 0.1),
      z: range(rng, 0.15, 0.35),
      key: range(rng, 0.9, 1.05),
      ambient: range(rng, 0.05, 0.12)
    }
    spec.camera.gradient = { angle: side > 0 ? 0 : Math.PI, strength: range(rng, 0.08, 0.18) }
  }
  if (photoClass === 'face-blurry') {
    variant = chance(rng, 0.5) ? 'motion' : 'defocus'
    spec.camera.blur =
      variant === 'motion'
        ? { kind: 'motion', length: WIDTH * range(rng, 0.025, 0.045), angle: range(rng, 0, Math.PI) }
        : { kind: 'defocus', sigma: WIDTH * range(rng, 0.005, 0.009) }
  }
  if (photoClass === 'face-background') {
    const wall = NOT_WHITE[k % NOT_WHITE.length]
    variant = wall.name
    spec.wall = wall.wall
    spec.backdrop = wall.backdrop
    if (wall.backdrop === 'bookshelf') spec.backgroundBlur = range(rng, 0, 6)
  }
  return { spec, variant }
}
