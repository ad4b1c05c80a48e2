import { createHmac } from 'crypto'
import { defineAction } from '../../context'
import { filingsSchemas } from '../../schemas'

/** Versioned so a future derivation can live next to this one without ever yielding the same key. */
const DRAFT_KEY_LABEL = 'draft-key:v1:'

/**
 * The key that encrypts the sensitive part of the caller's form drafts on the device (services/draft-crypto).
 * Derived, never stored: HMAC-SHA256(current data key, label + user id). The same user gets the same key after a
 * relaunch or on another device, so a draft sealed yesterday opens today; another user's key opens nothing.
 * Rotating BEIAN_DATA_KEY changes it, which only makes older drafts' sealed parts unreadable (the form itself is
 * on the server).
 */
export const issueDraftKey = defineAction(filingsSchemas.draftKey, async (ctx) => {
  const { key } = ctx.deps.keys.current()
  return {
    key: createHmac('sha256', key)
      .update(DRAFT_KEY_LABEL + ctx.userId, 'utf8')
      .digest('base64')
  }
})
