/** The emergency contact, and mobiles shared between different people. */
import type { FilingForm } from '../types'
import { normalizeIdNumber } from '../validators/id-card'
import { normalizeMobile } from '../validators/mobile'
import { PERSON_LABEL, type Findings, type PersonSection } from './findings'
import { checkMobile, checkName } from './person'

export function checkEmergencyContact(out: Findings, form: FilingForm): boolean {
  const ec = form.emergencyContact
  checkName(out, 'emergencyContact.name', '应急联系人', ec.name)
  checkMobile(out, 'emergencyContact.mobile', '应急联系人手机号', ec.mobile)
  const name = (ec.name ?? '').trim()
  const principal = (['ownerPrincipal', 'appPrincipal'] as PersonSection[]).find(
    (s) => name && (form[s].name ?? '').trim() === name
  )
  if (principal) {
    out.add(
      'emergencyContact.name',
      'error',
      'EMERGENCY_CONTACT_IS_PRINCIPAL',
      `应急联系人不能是${PERSON_LABEL[principal]}本人`,
      '另找一位能联系上的人（如同事）作为应急联系人，使用其本人手机号'
    )
    return true
  }
  return false
}

export function checkSharedMobiles(out: Findings, form: FilingForm, emergencyIsPrincipal: boolean): void {
  const people = [
    {
      field: 'ownerPrincipal.mobile',
      label: '主体负责人',
      key: normalizeIdNumber(form.ownerPrincipal.idNumber) || form.ownerPrincipal.name,
      mobile: form.ownerPrincipal.mobile
    },
    {
      field: 'appPrincipal.mobile',
      label: '小程序负责人',
      key: normalizeIdNumber(form.appPrincipal.idNumber) || form.appPrincipal.name,
      mobile: form.appPrincipal.mobile
    },
    ...(emergencyIsPrincipal
      ? []
      : [
          {
            field: 'emergencyContact.mobile',
            label: '应急联系人',
            key: `ec:${form.emergencyContact.name ?? ''}`,
            mobile: form.emergencyContact.mobile
          }
        ])
  ]
  for (let i = 1; i < people.length; i++) {
    const m = normalizeMobile(people[i].mobile)
    if (!m) continue
    for (let j = 0; j < i; j++) {
      if (normalizeMobile(people[j].mobile) === m && people[j].key !== people[i].key) {
        out.add(
          people[i].field,
          'error',
          'MOBILE_SHARED',
          `${people[i].label}与${people[j].label}使用了同一个手机号码：不同的人不能用同一个号码`,
          `${people[i].label}填写本人实名的手机号`
        )
        break
      }
    }
  }
}
