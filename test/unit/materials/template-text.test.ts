import fc from 'fast-check'
import { buildChecklist } from '../../../src/domain/checklist'
import { MATERIALS, templatePlaceholders, type MaterialId } from '../../../src/domain/rules/materials'
import { SAMPLE_FILING } from '../../../src/domain/samples'
import type { ChecklistItem, Filing, OwnerType } from '../../../src/domain/types'
import { BLANK, fillItemTemplate, templateValues } from '../../../src/pages/materials/template-text'

const TEMPLATED: MaterialId[] = [
  'authorization_letter',
  'no_pre_approval_commitment',
  'no_approval_needed_statement',
  'cancellation_request'
]

const itemOf = (id: MaterialId): ChecklistItem => {
  const m = MATERIALS[id]
  return {
    id,
    title: m.title,
    required: true,
    reason: m.why,
    tips: m.tips,
    source: m.source,
    section: m.section,
    template: m.template
  }
}

function filingWith(change: (f: Filing) => void): Filing {
  const f: Filing = JSON.parse(JSON.stringify(SAMPLE_FILING))
  change(f)
  return f
}

describe('template wording filled with the user’s data', () => {
  it.each(TEMPLATED)('%s: every placeholder is filled or left as a listed blank', (id) => {
    const template = MATERIALS[id].template!
    const filled = fillItemTemplate(itemOf(id), SAMPLE_FILING)!
    expect(filled.text).not.toMatch(/\{\w+\}/)
    const blankLines = filled.text.split(BLANK).length - 1 + (filled.text.match(/____年__月__日/g) ?? []).length
    // each blank placeholder is listed once, however often the template repeats it
    expect(filled.blanks.length).toBeLessThanOrEqual(templatePlaceholders(template).length)
    expect(blankLines).toBeGreaterThanOrEqual(filled.blanks.length)
  })

  it('has no template for materials the user does not write', () => {
    expect(fillItemTemplate(itemOf('owner_certificate'), SAMPLE_FILING)).toBeUndefined()
  })

  it.each([
    // ownerPrincipalIsLegalRep, appPrincipalIsLegalRep, authorized, role, legal representative
    [true, false, '王若溪', '小程序负责人', '李明远'],
    [false, true, '李明远', '主体负责人', '王若溪'],
    [false, false, '李明远、王若溪', '主体负责人和小程序负责人', undefined]
  ])(
    'owner principal legal rep %s, app principal legal rep %s: authorises %s as %s',
    (ownerIsRep, appIsRep, authorized, role, legalRep) => {
      const values = templateValues(
        filingWith((f) => {
          f.profile.ownerPrincipalIsLegalRep = ownerIsRep
          f.profile.appPrincipalIsLegalRep = appIsRep
        })
      )
      expect(values).toMatchObject({ authorizedName: authorized, role, legalRepName: legalRep })
    }
  )

  it('leaves the authorised names blank when one of two is still missing', () => {
    const values = templateValues(
      filingWith((f) => {
        f.profile.ownerPrincipalIsLegalRep = false
        f.profile.appPrincipalIsLegalRep = false
        f.form.appPrincipal.name = ''
      })
    )
    expect(values.authorizedName).toBeUndefined()
  })

  it('speaks for an individual as 本人 and signs with the person’s name', () => {
    const filing = filingWith((f) => {
      f.profile.ownerType = 'individual'
      f.profile.texts.appDescription = '记录个人读书笔记，分享书单、阅读心得和公开课程的听课笔记。'
      f.form.owner.name = '周小满'
      f.form.miniProgram.description = f.profile.texts.appDescription
    })
    const item = buildChecklist(filing.profile).find((i) => i.id === 'no_pre_approval_commitment')!
    const { text, blanks } = fillItemTemplate(item, filing)!
    expect(text).toContain('本人“周小满”')
    expect(text).toContain('承诺人（签字/盖章）：周小满')
    expect(text).toContain('“课程”')
    expect(blanks).toContain('你的身份证号码')
  })

  it('uses the wizard’s answers when the form is still empty', () => {
    const filing = filingWith((f) => {
      f.form = { owner: {}, ownerPrincipal: {}, miniProgram: {}, appPrincipal: {}, emergencyContact: {} }
    })
    const { text, blanks } = fillItemTemplate(itemOf('authorization_letter'), filing)!
    expect(text).toContain(`“${SAMPLE_FILING.profile.texts.ownerName}”`)
    expect(text).toContain(`小程序“${SAMPLE_FILING.profile.texts.appName}”`)
    expect(blanks).toEqual(expect.arrayContaining(['被授权人姓名', '法定代表人姓名', '日期']))
  })

  const digits = (n: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`))
  const chineseName = fc.stringMatching(/^[\u4e00-\u9fa5]{2,12}$/)

  it('never writes an ID number, credit code, phone, address or e-mail into a letter (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          certificateNumber: digits(18),
          ownerId: digits(18),
          appId: digits(18),
          mobile: digits(11),
          address: fc.stringMatching(/^[\u4e00-\u9fa5]{3,8}[0-9]{1,4}号$/),
          email: fc.stringMatching(/^[a-z]{3,10}@[a-z]{3,8}\.com$/),
          ownerName: chineseName,
          personName: chineseName,
          ownerType: fc.constantFrom<OwnerType>('enterprise', 'individual', 'individual_business', 'institution'),
          ownerIsRep: fc.boolean(),
          appIsRep: fc.boolean()
        }),
        fc.constantFrom(...TEMPLATED),
        (v, id) => {
          const filing = filingWith((f) => {
            f.profile.ownerType = v.ownerType
            f.profile.ownerPrincipalIsLegalRep = v.ownerIsRep
            f.profile.appPrincipalIsLegalRep = v.appIsRep
            f.form.owner = {
              ...f.form.owner,
              name: v.ownerName,
              certificateNumber: v.certificateNumber,
              address: v.address
            }
            f.form.ownerPrincipal = {
              ...f.form.ownerPrincipal,
              name: v.personName,
              idNumber: v.ownerId,
              mobile: v.mobile,
              email: v.email
            }
            f.form.appPrincipal = { ...f.form.appPrincipal, idNumber: v.appId, mobile: v.mobile, email: v.email }
          })
          const { text } = fillItemTemplate(itemOf(id), filing)!
          for (const secret of [v.certificateNumber, v.ownerId, v.appId, v.mobile, v.address, v.email])
            expect(text).not.toContain(secret)
          expect(text).not.toMatch(/\{\w+\}/)
          expect(text).toContain(v.ownerName)
        }
      ),
      { numRuns: 200 }
    )
  })
})
