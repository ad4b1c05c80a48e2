/**
 * The 提交备案 page's state: the server's view of the submission (prepare), and each step the owner takes — face
 * check, submit, withdraw, 注销 — reloading the view after each so the page always shows what the server holds.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  cancelFiling,
  faceCheckStatus,
  prepareSubmission,
  saveExtras,
  startFaceCheck,
  submitFiling,
  withdrawFiling,
  type CancelKind,
  type FaceView,
  type SubmissionExtrasInput,
  type SubmissionView
} from '../../services/submission'
import type { Finding } from '../../domain/types'

/** The server's view of the submission for an owner, or the face check alone for an invited principal. */
function useSubmissionView(filingId: string | undefined, isOwner: boolean) {
  const [view, setView] = useState<SubmissionView | undefined>()
  const [face, setFace] = useState<FaceView | undefined>()
  const [error, setError] = useState('')
  const latest = useRef(0)

  const load = useCallback(async () => {
    if (!filingId) return
    const request = ++latest.current
    if (!isOwner) {
      // an invited principal sees the face check only: what to do on their phone, by when
      const result = await faceCheckStatus(filingId)
      if (request !== latest.current) return
      if (result.ok) setFace(result.data)
      else setError(result.message)
      return
    }
    const result = await prepareSubmission(filingId)
    if (request !== latest.current) return
    if (result.ok) {
      setView(result.data)
      setFace(result.data.face)
      setError('')
    } else setError(result.message)
  }, [filingId, isOwner])

  useEffect(() => {
    void load()
  }, [load])
  return { view, face, error, setError, load }
}

export function useSubmission(filingId: string | undefined, isOwner: boolean) {
  const { view, face, error, setError, load } = useSubmissionView(filingId, isOwner)
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  /** The platform's refusal of the last 提交备案, shown at once (the view carries it too after a reload). */
  const [refusal, setRefusal] = useState<{ message: string; findings: Finding[] } | undefined>()

  /** Runs one step with the page busy; `done` turns its answer into the notice shown afterwards. */
  async function step<T>(
    call: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>,
    done: (data: T) => string
  ) {
    setBusy(true)
    setError('')
    setNotice('')
    const result = await call()
    if (result.ok) setNotice(done(result.data))
    else setError(result.message)
    await load()
    setBusy(false)
  }

  const id = filingId ?? ''
  return {
    view,
    face,
    error,
    notice,
    busy,
    refusal,
    reload: load,
    setNotice,
    setError,
    startFace: (via?: 'qr' | 'sms') =>
      step(
        () => startFaceCheck(id, via),
        () => '已发起人脸核身'
      ),
    saveExtras: (extras: SubmissionExtrasInput) =>
      step(
        () => saveExtras(id, extras),
        () => '已保存'
      ),
    refreshFace: () =>
      step(
        () => faceCheckStatus(id),
        () => '已刷新核验状态'
      ),
    submit: () =>
      step(
        () => submitFiling(id),
        (outcome) => {
          if (outcome.submitted) {
            setRefusal(undefined)
            return '已提交到平台，进入平台初审；之后的进度会自动同步'
          }
          setRefusal({ message: outcome.message, findings: outcome.findings })
          return ''
        }
      ),
    withdraw: () =>
      step(
        () => withdrawFiling(id),
        () => '已撤回备案申请，可以修改后重新提交'
      ),
    cancel: (kind: CancelKind) =>
      step(
        () => cancelFiling(id, kind),
        () => '已向平台提交注销申请：请留意 12381 的核验短信，不回复会导致注销中止'
      )
  }
}
