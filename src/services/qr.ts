/**
 * QR codes drawn on the device (uqr, no dependencies, plain JS: runs in mini-programs). Its own module so only the
 * subpackage page that shows a code bundles the encoder — never the main package.
 */
import { encode } from 'uqr'

/**
 * The authorisation link as a QR matrix (true = dark module), drawn by the page from Views: a WeChat administrator
 * scans it with WeChat. Encoded on the device — the link is never sent to a third-party QR service.
 */
export function qrMatrix(content: string): boolean[][] {
  return encode(content, { ecc: 'M', border: 2 }).data
}
