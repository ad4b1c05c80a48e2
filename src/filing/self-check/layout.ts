/**
 * The self-check page's sections for this filing, as the platforms' own forms lay them out for its owner type
 * (src/domain/filing-form: an individual has one 本人信息 section, nothing says 主办单位; a 注销 asks only who): the
 * domain gives the sections, fields and labels, field-specs.ts the controls that draw them.
 */
import { formSections, type FormSectionLayout } from '../../domain/filing-form'
import type { FilingForm, FilingProfile, FormSection } from '../../domain/types'
import { sectionSpecs, type FieldSpec } from './field-specs'
import { SECTIONS, SECTION_BY_KEY, sectionOfPath, type SectionInfo } from './fields'

export interface PageSection {
  section: SectionInfo
  fields: FieldSpec[]
}

const INDIVIDUAL_SECTION_HINT = '与身份证上的信息逐字一致；手机号须为本人实名，12381 的核验短信会发到这里'

function sectionInfo(layout: FormSectionLayout, individual: boolean): SectionInfo {
  const known = SECTION_BY_KEY[layout.id]
  if (individual && layout.id === 'owner')
    return { key: 'owner', title: layout.title, short: '本人', hint: INDIVIDUAL_SECTION_HINT }
  return { ...known, title: layout.title }
}

/** The controls of a layout's fields, with the layout's labels; detail rows a control adds (approvals) stay after it. */
function specsFor(layout: FormSectionLayout, form: FilingForm, profile: FilingProfile): FieldSpec[] {
  const sections = [...new Set(layout.fields.map((f) => sectionOfPath(f.path)))].filter((s): s is FormSection => !!s)
  const available = sections.flatMap((s) => sectionSpecs(s, form, profile))
  const byPath = new Map(available.map((spec) => [spec.path, spec]))
  const shown: FieldSpec[] = []
  for (const field of layout.fields) {
    const spec = byPath.get(field.path)
    if (!spec) continue
    shown.push({ ...spec, label: field.label, hint: field.hint ?? spec.hint, required: field.required })
  }
  const laidOut = new Set(layout.fields.map((f) => f.path))
  // pre-approval details follow the 前置审批 answer: drawn by the page, not part of the fixed layout
  for (const spec of available)
    if (!laidOut.has(spec.path) && spec.path.startsWith('miniProgram.preApprovals')) shown.push(spec)
  return shown
}

/** The page's sections and fields for a filing; without its answers, every section as before. */
export function pageSections(form: FilingForm, profile: FilingProfile | undefined): PageSection[] {
  if (!profile) return SECTIONS.map((s) => ({ section: s, fields: sectionSpecs(s.key, form, profile) }))
  const individual = profile.ownerType === 'individual'
  return formSections(profile).map((layout) => ({
    section: sectionInfo(layout, individual),
    fields: specsFor(layout, form, profile)
  }))
}
