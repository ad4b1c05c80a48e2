/**
 * The flat XML WeChat pushes (`<xml><Name><![CDATA[value]]></Name>…</xml>`, one level deep): parsed into a map of
 * top-level element → text, and written back for the fake. Nothing else of XML is needed or accepted.
 */

const ELEMENT = /<([A-Za-z_][\w.-]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g

export function parseFlatXml(xml: string): Record<string, string> {
  const inner = /^\s*<xml>([\s\S]*)<\/xml>\s*$/.exec(xml)
  if (!inner) throw new Error('not a flat <xml> document')
  const out: Record<string, string> = {}
  for (const m of inner[1].matchAll(ELEMENT)) {
    if (!(m[1] in out)) out[m[1]] = m[2] ?? unescapeXml(m[3] ?? '')
  }
  return out
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Numbers as bare text, strings in CDATA (as WeChat writes them). */
export function toFlatXml(fields: Record<string, string | number>): string {
  const parts = Object.entries(fields).map(([k, v]) =>
    typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${k}>`
  )
  return `<xml>${parts.join('')}</xml>`
}
