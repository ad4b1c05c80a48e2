/**
 * What the 提交备案 actions answer (the app's view of one submission) and what is stored of it. Only media ids,
 * task ids, states and times are stored — never a photo's bytes, and no personal data beyond the filing's own.
 */
import type { Finding, Stage } from '../../../domain/types'

export type SubmissionPlatform = 'wechat' | 'douyin'

/** One photo the platform needs for this filing. */
export interface SlotView {
  slot: string
  /** What to photograph, in Chinese. */
  title: string
  /** The platform's format and size rule, in Chinese. */
  rule: string
  uploaded: boolean
  uploadedAt?: string
}

export type FaceStatus = 'none' | 'pending' | 'passed' | 'failed' | 'expired'

/** The face check: who must do what by when (the owner and the invited principal see the same). */
export interface FaceView {
  status: FaceStatus
  expiresAt?: string
  who: string
  instruction: string
  /** Douyin: the recognition link (shown as a QR code) for the principal to open in the Douyin app. */
  link?: string
}

export type BlockerKind = 'self_check' | 'mapping' | 'media' | 'face' | 'stage'

export interface SubmissionView {
  filingId: string
  platform: SubmissionPlatform
  appId: string
  stage: Stage
  /** When the owner agreed to send the photos and data to the platform. */
  consentAt?: string
  slots: SlotView[]
  /** Values of our form the platform's code tables do not list (with the platform's own options). */
  mappingFindings: Finding[]
  /** The platform's field-level refusal of the last submission, on our own fields. */
  platformFindings: Finding[]
  face: FaceView
  readiness: { ready: boolean; blockers: { kind: BlockerKind; message: string }[] }
  /** 撤回 is possible only while the platform reviews; `withdrawNote` says why not otherwise. */
  canWithdraw: boolean
  withdrawNote: string
  submittedAt?: string
  codeTablesFetchedAt?: string
  /** The facts given on this page (the legal representative's ID number only as "given", never sent back). */
  extras: {
    ownerPrincipalIdValidFrom?: string
    appPrincipalIdValidFrom?: string
    legalPersonName?: string
    legalPersonIdNumberGiven: boolean
  }
}

/** Stored on the filing's binding (`platform_connections`, field `submission`): ids and times only. */
export interface SubmissionState {
  consentAt?: string
  media: Record<string, { mediaId: string; uploadedAt: string }>
  platformFindings: Finding[]
  submittedAt?: string
  withdrawnAt?: string
  cancelRequested?: { kind: CancelKind; at: string }
  /** SubmissionExtras as given; the legal representative's name and ID number encrypted (`enc1.…`). */
  extras?: {
    ownerPrincipalIdValidFrom?: string
    appPrincipalIdValidFrom?: string
    legalPersonName?: string
    legalPersonIdNumber?: string
  }
}

export type CancelKind = 'owner' | 'mini_program' | 'access'

export type SubmitOutcome =
  { submitted: true; stage: Stage } | { submitted: false; message: string; findings: Finding[] }
