/**
 * Personal data hidden in free text (a mini-program named `客服 138 0013 8000`): mainland mobile numbers, ID card
 * numbers (18 digits with a possible X, or 15 digits), unified social credit codes and any other long run of digits.
 *
 * Text is normalised before matching, so writing a number differently does not hide it: full-width and other
 * compatibility forms become ASCII (NFKC), digits of any script become 0–9, letters are compared upper-case, and
 * everything that is neither a letter nor a digit (spaces of every kind, dashes, dots, brackets, `+`, zero-width
 * characters, …) is treated as a separator and ignored between characters. A match is masked in the original text
 * from its first to its last character, separators included.
 */

/** What replaces one piece of personal data. */
export const PERSONAL_DATA_MASK = '***'

/**
 * Seven digits or more (landlines with or without an area code, mobiles with or without +86, 15-digit ID numbers)
 * and an ID number's X check character. A mobile number and an 18-digit ID number are longer runs still.
 */
const DIGIT_RUN = /\d{7,}X?/g
/**
 * A unified social credit code (GB 32100-2015): registration authority and type, six-digit division code, then ten
 * characters of the organisation code and check character (letters without I, O, S, V, Z). No boundaries on
 * purpose: masking a little too much is harmless, and a code glued to other letters is still found.
 */
const CREDIT_CODE = /[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}/g

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u
const DECIMAL_DIGIT = /\p{Nd}/u

function nfkc(ch: string): string {
  try {
    return ch.normalize('NFKC')
  } catch {
    // an engine without normalisation data: full-width forms are the common case, map those by hand
    const c = ch.codePointAt(0)!
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0)
    return ch
  }
}

/** A decimal digit of any script (Arabic-Indic, Devanagari, mathematical, …) as 0–9; other characters unchanged. */
function asciiDigit(ch: string): string {
  if (ch >= '0' && ch <= '9') return ch
  if (!DECIMAL_DIGIT.test(ch)) return ch
  // Unicode lays decimal digits out in blocks of ten, zero first, and adjacent blocks continue the count
  let start = ch.codePointAt(0)!
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--
  return String((ch.codePointAt(0)! - start) % 10)
}

interface Compact {
  /** The letters and digits of the text, normalised. */
  text: string
  /** For each character of `text`, the index (in code points) of the character of the original it came from. */
  origin: number[]
}

function compact(chars: string[]): Compact {
  let text = ''
  const origin: number[] = []
  chars.forEach((ch, index) => {
    for (const n of nfkc(ch)) {
      if (!LETTER_OR_DIGIT.test(n)) continue
      const d = asciiDigit(n)
      const c = d >= 'a' && d <= 'z' ? d.toUpperCase() : d
      text += c
      for (let i = 0; i < c.length; i++) origin.push(index)
    }
  })
  return { text, origin }
}

/** Spans [from, to] (inclusive, in code points of the original) of personal data, sorted and merged. */
function findSpans(chars: string[]): [number, number][] {
  const { text, origin } = compact(chars)
  const spans: [number, number][] = []
  for (const pattern of [DIGIT_RUN, CREDIT_CODE]) {
    pattern.lastIndex = 0
    // overlapping matches too: a credit code's window must not be eaten by an earlier, shorter-lived one
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      spans.push([origin[m.index], origin[m.index + m[0].length - 1]])
      pattern.lastIndex = m.index + 1
    }
  }
  spans.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/** Whether the text holds something that reads as a phone number, an ID number, a credit code or a long number. */
export function containsPersonalData(text: string): boolean {
  return findSpans(Array.from(text)).length > 0
}

/**
 * The text with every piece of personal data replaced by `***`. Applied until nothing is found, because removing
 * one piece can join the digits on either side of it into a new run (`12345 <code> 67`).
 */
export function maskPersonalData(text: string): string {
  let chars = Array.from(text)
  for (let spans = findSpans(chars); spans.length; spans = findSpans(chars)) {
    const out: string[] = []
    let next = 0
    for (const [from, to] of spans) {
      out.push(...chars.slice(next, from), PERSONAL_DATA_MASK)
      next = to + 1
    }
    out.push(...chars.slice(next))
    chars = out
  }
  return chars.join('')
}
