/** The shapes of the evaluation set's files: one manifest line per photo (in the cache) and the frozen hashes (committed). */
import { z } from 'zod'
import { PHOTO_CLASSES } from './generator/classes'

export const manifestEntrySchema = z.object({
  id: z.string(),
  split: z.enum(['dev', 'test']),
  index: z.number().int().nonnegative(),
  photoClass: z.enum(PHOTO_CLASSES),
  kind: z.enum(['document', 'face']),
  /** The finding a correct pre-check raises at error level; null = clean. */
  expected: z.string().nullable(),
  variant: z.string(),
  desk: z.string().optional(),
  document: z.string().optional(),
  documentFill: z.number().optional(),
  quality: z.number().int().min(1).max(100),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the phone photo the canvas stands for, passed to analysePhoto as file.width/height. */
  fileWidth: z.number().int().positive(),
  fileHeight: z.number().int().positive(),
  jpegBytes: z.number().int().positive(),
  /** SHA-256 of the decoded RGBA pixels (see pixelHash). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type ManifestEntry = z.infer<typeof manifestEntrySchema>

const frozenSplitSchema = z.object({
  seed: z.number().int(),
  count: z.number().int().positive(),
  /** SHA-256 over the photos' pixel hashes in order (see splitHash). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  photos: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/))
})

export const frozenSchema = z.object({
  description: z.string(),
  frozenOn: z.string(),
  splits: z.object({ dev: frozenSplitSchema, test: frozenSplitSchema })
})
export type FrozenSet = z.infer<typeof frozenSchema>
