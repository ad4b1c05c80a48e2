/**
 * The shared vocabulary of 备案助手. Pages, cloud handlers and tests all speak these types,
 * so a change here is a contract change: extend, don't rename.
 */

/** Result of a single validator. `code` is a stable id ('OK' when ok); `message` is Chinese, for the user. */
export interface Check {
  ok: boolean
  code: string
  message: string
}

export type PlatformId = 'weapp' | 'tt' | 'alipay'
export type FilingType = 'new' | 'change' | 'cancel'
/** What a 注销 removes: the owner and all its services (注销主体), one mini-program (注销小程序), or only its access (取消接入). */
export type CancelKind = 'owner' | 'mini_program' | 'access'
export type OwnerType =
  'individual' | 'enterprise' | 'individual_business' | 'government' | 'institution' | 'social_org'

/** Two-digit GB/T 2260 province code, '11' Beijing … '65' Xinjiang. */
export type ProvinceCode = string

export type IndustryId =
  | 'news'
  | 'publishing'
  | 'education'
  | 'medical'
  | 'drugs_devices'
  | 'culture'
  | 'broadcasting'
  | 'ride_hailing'
  | 'internet_finance'
  | 'tutoring'
  | 'religion'
  | 'bulletin'

/** The free texts searched for pre-approval keywords. */
export interface FilingTexts {
  ownerName?: string
  businessScope?: string
  appName?: string
  appDescription?: string
}

/** What decides which materials a user needs. */
export interface FilingProfile {
  platform: PlatformId
  filingType: FilingType
  ownerType: OwnerType
  /** Province of the owner's certificate. */
  province: ProvinceCode
  ownerPrincipalIsLegalRep: boolean
  appPrincipalIsLegalRep: boolean
  /** An individual's province, from the first two digits of the ID card. */
  residenceProvince?: ProvinceCode
  /** Industries the mini-program really operates in (needs approval documents). */
  industries: IndustryId[]
  texts: FilingTexts
  /**
   * The owner's existing 主体备案号 (e.g. 京ICP备12345678号, from a website, an app or another mini-program): the filing
   * is then 新增 under that owner, and the identity data must match the existing record exactly.
   */
  existingOwnerFilingNumber?: string
  /** 注销 only: which kind of cancellation. */
  cancelKind?: CancelKind
  /** 注销 only: the number to cancel (the owner's number for 注销主体, the mini-program's …-NX otherwise). */
  cancelFilingNumber?: string
  /** The mini-program's AppID (注销小程序 / 取消接入 need it). */
  appId?: string
}

/** 'YYYY-MM-DD' or the literal 长期 for a permanent certificate. */
export type ValidUntil = string

export interface PersonForm {
  name: string
  /** 居民身份证 unless stated; other documents skip the ID-card checks. */
  idType: 'id_card' | 'passport' | 'hk_macao_pass' | 'taiwan_pass' | 'other'
  idNumber: string
  idValidUntil: ValidUntil
  mobile: string
  email?: string
}

export interface OwnerForm {
  /** 主办单位名称 or, for an individual, the person's name. */
  name: string
  certificateType: 'business_license' | 'id_card' | 'org_code' | 'institution_cert' | 'social_org_cert' | 'other'
  /** 统一社会信用代码 for organisations, the ID number for individuals. */
  certificateNumber: string
  certificateValidUntil: ValidUntil
  /** Region picked on the form. */
  region: { province: ProvinceCode; city?: string; district?: string }
  /** 通讯地址: below the region, without repeating it, down to the street number. */
  address: string
  /** 证件住所, as printed on the certificate. */
  certificateAddress?: string
  businessScope?: string
}

export interface PreApprovalEntry {
  industry: IndustryId
  approvalNumber: string
  fileName: string
}

export interface MiniProgramForm {
  name: string
  /** 备注 / service description, 20–200 characters on WeChat. */
  description: string
  serviceTypes: string[]
  /** 'none' = 以上都不涉及 declared, 'has' = approvals listed, undefined = not answered yet. */
  preApproval?: 'none' | 'has'
  preApprovals?: PreApprovalEntry[]
}

export interface EmergencyContactForm {
  name: string
  mobile: string
}

/** The whole filing form as the user types it. Every part may be partially filled while drafting. */
export interface FilingForm {
  owner: Partial<OwnerForm>
  ownerPrincipal: Partial<PersonForm>
  miniProgram: Partial<MiniProgramForm>
  appPrincipal: Partial<PersonForm>
  emergencyContact: Partial<EmergencyContactForm>
}

export type FormSection = keyof FilingForm

/**
 * Dotted paths of the fields that are sensitive personal information: encrypted at rest, masked in views,
 * never logged, never in a message.
 */
export const SENSITIVE_FIELD_PATHS = [
  'owner.certificateNumber',
  'owner.address',
  'owner.certificateAddress',
  'ownerPrincipal.idNumber',
  'ownerPrincipal.mobile',
  'ownerPrincipal.email',
  'appPrincipal.idNumber',
  'appPrincipal.mobile',
  'appPrincipal.email',
  'emergencyContact.mobile'
] as const
export type SensitiveFieldPath = (typeof SENSITIVE_FIELD_PATHS)[number]

export type Severity = 'error' | 'warning' | 'info'

/** One self-check or photo-check result. `field` is a dotted FilingForm path (or a material/photo id). */
export interface Finding {
  field: string
  severity: Severity
  code: string
  message: string
  fix: string
  /** The platform's own choices, when the value could not be matched to its code table (submission mapping). */
  options?: { code: string; name: string }[]
}

/** Form sections on the platforms' filing pages. */
export type MaterialSection = 'owner' | 'owner_principal' | 'mini_program' | 'app_principal' | 'attachments'

export interface ChecklistItem {
  id: string
  title: string
  required: boolean
  /** Why this user needs it, naming the rule and its province or platform. */
  reason: string
  tips: string[]
  /** Where the rule comes from (law, platform guide, province notice). */
  source: string
  section: MaterialSection
  /** Whether the material is a photo/scan the photo pre-check can examine. */
  isPhoto?: boolean
  /** What a good example looks like. */
  goodExample?: string
  /** Template wording (授权书, 承诺书) with {placeholders}, when the material is a document the user writes. */
  template?: string
  /** A rule this profile breaks that no material can fix (e.g. 上海 needs the legal representative as owner principal). */
  warning?: string
}

// ---- Filing progress (stage machine) ----

/** Every stage, in the order a filing passes them (the two ends last). */
export const STAGES = [
  'draft',
  'platform_review',
  'platform_rejected',
  'sms_verification',
  'sms_expired',
  'admin_review',
  'admin_rejected',
  'approved',
  'cancelled'
] as const

export type Stage = (typeof STAGES)[number]

export type StageAction =
  /** 我已提交: draft / *_rejected / sms_expired → platform_review */
  | { type: 'submit' }
  /** 初审通过（收到12381短信）: platform_review → sms_verification; the SMS deadline is smsReceivedAt (default: at) + 24 h */
  | { type: 'platform_pass'; smsReceivedAt?: string }
  | { type: 'platform_reject'; reasons: string[] }
  /** 短信已核验: sms_verification → admin_review */
  | { type: 'sms_verified' }
  /** the 24 h passed: sms_verification → sms_expired */
  | { type: 'sms_expire' }
  /** 管局审核通过（填写备案号）: admin_review → approved, number checked by parseFilingNumber */
  | { type: 'admin_pass'; filingNumber: string }
  | { type: 'admin_reject'; reasons: string[] }
  | { type: 'cancel' }

/** Who told us a step happened: the user in the app, or the platform's own API (a connected mini-program). */
export type StageSource = 'user' | 'platform'

export interface StageEntry {
  stage: Stage
  /** ISO 8601 instant with offset (Asia/Shanghai, +08:00): when it really happened, as far as we know. */
  at: string
  reasons?: string[]
  /** When we learned of it (the report or the platform poll); `at` may be earlier. Absent = `at`. */
  recordedAt?: string
  /** Absent on entries recorded before sources were kept: read as 'user'. */
  source?: StageSource
  /** Which member recorded it (an invited principal may record the SMS steps). */
  by?: RecipientRole
}

export interface FilingProgress {
  stage: Stage
  history: StageEntry[]
  /** ISO instant: the 12381 SMS must be verified before this. */
  smsDeadline?: string
  filingNumber?: string
}

/** Status of each checklist material, as the user sets it. */
export type MaterialStatus = 'todo' | 'ready' | 'problem'

/** A stored filing: one mini-program on one platform. */
export interface Filing {
  id: string
  title: string
  profile: FilingProfile
  form: FilingForm
  progress: FilingProgress
  materials: Record<string, MaterialStatus>
  createdAt: string
  updatedAt: string
  version: number
}

// ---- Reminders ----

export type ReminderKind =
  | 'sms_window_open'
  | 'sms_window_12h'
  | 'sms_window_20h'
  | 'platform_review_eta'
  | 'platform_review_overdue'
  | 'admin_review_eta'
  | 'admin_review_overdue'
  | 'certificate_expiring'
  | 'stale_draft'
  /** To the owner: an invited principal recorded an SMS step. */
  | 'principal_update'

/** Subscription-message templates, by what they say; the real template ids are configuration. */
export type TemplateKind = 'sms_deadline' | 'review_progress' | 'todo_reminder'

/** Who should receive it: the filing's owner account, or an invited principal. */
export type RecipientRole = 'owner' | 'owner_principal' | 'app_principal'

export interface Reminder {
  /** Deterministic: same filing + kind + stage entry → same key, so a send is idempotent. */
  key: string
  filingId: string
  kind: ReminderKind
  template: TemplateKind
  recipients: RecipientRole[]
  /** ISO instant. */
  dueAt: string
  /** Subscription-message data, already within WeChat's field limits; never an ID number, phone or full name. */
  fields: Record<string, string>
  /** Page to open from the message. */
  page: string
  /** ISO instant after which sending it is pointless (e.g. the SMS deadline); absent = valid while planned. */
  expiresAt?: string
}
