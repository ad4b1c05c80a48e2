/**
 * Input schemas of every action: strict objects (unknown keys rejected) and bounded strings and arrays.
 * They check shape only; the filing rules themselves (ID card, credit code, stage machine…) are the domain's.
 */
import { z } from 'zod'
import { isValidInstant } from '../domain/time'

const text = (max: number) => z.string().max(max)
const dateOrPermanent = z.union([z.literal(''), z.literal('长期'), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
const provinceCode = z.string().regex(/^\d{2}$/)
const isoInstant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && isValidInstant(s), { message: '时间格式不正确' })

export const recordId = z.string().regex(/^[a-f0-9]{24}$/, { message: '编号格式不正确' })
export const version = z.number().int().min(1).max(1_000_000_000)

export const platformSchema = z.enum(['weapp', 'tt', 'alipay'])
export const industrySchema = z.enum([
  'news',
  'publishing',
  'education',
  'medical',
  'drugs_devices',
  'culture',
  'broadcasting',
  'ride_hailing',
  'internet_finance',
  'tutoring',
  'religion',
  'bulletin'
])
export const templateKindSchema = z.enum(['sms_deadline', 'review_progress', 'todo_reminder'])
export const inviteRoleSchema = z.enum(['owner_principal', 'app_principal'])

export const profileSchema = z
  .object({
    platform: platformSchema,
    filingType: z.enum(['new', 'change', 'cancel']),
    ownerType: z.enum(['individual', 'enterprise', 'individual_business', 'government', 'institution', 'social_org']),
    province: provinceCode,
    ownerPrincipalIsLegalRep: z.boolean(),
    appPrincipalIsLegalRep: z.boolean(),
    residenceProvince: provinceCode.optional(),
    industries: z.array(industrySchema).max(12),
    texts: z
      .object({
        ownerName: text(100).optional(),
        businessScope: text(2000).optional(),
        appName: text(64).optional(),
        appDescription: text(500).optional()
      })
      .strict(),
    // 已有主体备案号 and the 注销 details; their format is the domain's check (parseFilingNumber)
    existingOwnerFilingNumber: text(40).optional(),
    cancelKind: z.enum(['owner', 'mini_program', 'access']).optional(),
    cancelFilingNumber: text(40).optional(),
    appId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{0,40}$/, { message: 'AppID 格式不正确' })
      .optional()
  })
  .strict()

const personSchema = z
  .object({
    name: text(64),
    idType: z.enum(['id_card', 'passport', 'hk_macao_pass', 'taiwan_pass', 'other']),
    idNumber: text(32),
    idValidUntil: dateOrPermanent,
    mobile: text(20),
    email: text(100)
  })
  .partial()
  .strict()

export const formSchema = z
  .object({
    owner: z
      .object({
        name: text(100),
        certificateType: z.enum([
          'business_license',
          'id_card',
          'org_code',
          'institution_cert',
          'social_org_cert',
          'other'
        ]),
        certificateNumber: text(32),
        certificateValidUntil: dateOrPermanent,
        region: z.object({ province: provinceCode, city: text(32).optional(), district: text(32).optional() }).strict(),
        address: text(200),
        certificateAddress: text(200),
        businessScope: text(2000)
      })
      .partial()
      .strict()
      .default({}),
    ownerPrincipal: personSchema.default({}),
    miniProgram: z
      .object({
        name: text(64),
        description: text(500),
        serviceTypes: z.array(text(32)).max(10),
        preApproval: z.enum(['none', 'has']),
        preApprovals: z
          .array(z.object({ industry: industrySchema, approvalNumber: text(64), fileName: text(128) }).strict())
          .max(12)
      })
      .partial()
      .strict()
      .default({}),
    appPrincipal: personSchema.default({}),
    emergencyContact: z
      .object({ name: text(64), mobile: text(20) })
      .partial()
      .strict()
      .default({})
  })
  .strict()

export const materialsSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '材料编号格式不正确' })
      // `constructor`, `__proto__`, `toString`…: a material id is later a key of plain objects
      .refine((id) => !(id in Object.prototype) && id !== '__proto__', { message: '材料编号格式不正确' }),
    z.enum(['todo', 'ready', 'problem'])
  )
  .refine((m) => Object.keys(m).length <= 200, { message: '材料过多' })

// trimmed: a reason of only spaces is no reason
const reasons = z.array(z.string().trim().min(1).max(200)).min(1).max(20)

export const stageActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }).strict(),
  z.object({ type: z.literal('platform_pass'), smsReceivedAt: isoInstant.optional() }).strict(),
  z.object({ type: z.literal('platform_reject'), reasons }).strict(),
  z.object({ type: z.literal('sms_verified') }).strict(),
  z.object({ type: z.literal('sms_expire') }).strict(),
  z.object({ type: z.literal('admin_pass'), filingNumber: text(40) }).strict(),
  z.object({ type: z.literal('admin_reject'), reasons }).strict(),
  z.object({ type: z.literal('cancel') }).strict()
])

export const filingsSchemas = {
  create: z
    .object({
      title: text(64).optional(),
      profile: profileSchema,
      form: formSchema.optional(),
      materials: materialsSchema.optional(),
      clientRef: z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,64}$/)
        .optional()
    })
    .strict(),
  get: z.object({ id: recordId, reveal: z.boolean().optional() }).strict(),
  list: z.object({}).strict(),
  update: z
    .object({
      id: recordId,
      version,
      title: text(64).optional(),
      profile: profileSchema.optional(),
      form: formSchema.optional(),
      materials: materialsSchema.optional()
    })
    .strict(),
  /** `at`: when the step really happened (default: now). */
  advance: z.object({ id: recordId, version, action: stageActionSchema, at: isoInstant.optional() }).strict(),
  remove: z.object({ id: recordId }).strict(),
  schedule: z.object({ id: recordId }).strict(),
  export: z.object({}).strict(),
  purge: z.object({ confirm: z.literal(true) }).strict(),
  draftKey: z.object({}).strict()
}

export const subscriptionsSchemas = {
  record: z
    .object({
      results: z
        .array(
          z.object({ template: templateKindSchema, result: z.enum(['accept', 'reject', 'ban', 'filter']) }).strict()
        )
        .min(1)
        .max(3)
    })
    .strict(),
  status: z.object({}).strict()
}

export const invitesSchemas = {
  create: z.object({ filingId: recordId, role: inviteRoleSchema, withCode: z.boolean().optional() }).strict(),
  accept: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, { message: '邀请码格式不正确' }) }).strict(),
  revoke: z.object({ inviteId: z.string().regex(/^[a-f0-9]{24}$/) }).strict(),
  /** Newest first, a page at a time: `before` is the `createdAt` of the last invite of the previous page. */
  list: z
    .object({
      filingId: recordId,
      before: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(50).optional()
    })
    .strict()
}

export const loginSchema = z.object({ code: z.string().min(1).max(128) }).strict()

/** Largest photo the platforms take (2 MB, src/domain/photo/rules.ts) as base64: 4 characters per 3 bytes. */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024
export const MAX_MEDIA_BASE64 = Math.ceil(MAX_MEDIA_BYTES / 3) * 4

/** 提交备案 through the platform's API: photos pass through as base64, nothing of them is kept. */
export const submissionSchemas = {
  prepare: z.object({ id: recordId }).strict(),
  uploadMedia: z
    .object({
      id: recordId,
      /** A MediaSlot of the domain (checked against the slots this filing needs). */
      slot: z.string().regex(/^[a-z_]{1,48}$/, { message: '材料编号格式不正确' }),
      fileName: text(100),
      mimeType: z.enum(['image/jpeg', 'image/png']),
      dataBase64: z
        .string()
        .min(4)
        .max(MAX_MEDIA_BASE64, { message: '照片不能超过 2 MB' })
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '照片内容格式不正确' }),
      /** The separate consent "what is sent where" (the page shows it before the first upload). */
      consent: z.literal(true)
    })
    .strict(),
  /** Douyin: 'qr' = a recognition link shown as a QR code, 'sms' = Douyin texts the link (10 a day). */
  startFace: z.object({ id: recordId, via: z.enum(['qr', 'sms']).optional() }).strict(),
  faceStatus: z.object({ id: recordId }).strict(),
  submit: z.object({ id: recordId }).strict(),
  withdraw: z.object({ id: recordId }).strict(),
  cancel: z.object({ id: recordId, kind: z.enum(['owner', 'mini_program', 'access']) }).strict(),
  /** Facts the platform asks for that the form does not hold ('' clears one). */
  saveExtras: z
    .object({
      id: recordId,
      extras: z
        .object({
          ownerPrincipalIdValidFrom: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
          appPrincipalIdValidFrom: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
          legalPersonName: text(64),
          legalPersonIdNumber: text(32)
        })
        .partial()
        .strict()
    })
    .strict()
}
