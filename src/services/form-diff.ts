/** Comparing two versions of a filing's form field by field: the domain's one form model (src/domain/filing-form). */
export { diffForms, flattenForm, FORM_SECTIONS, sameForm, type FieldDifference } from '../domain/filing-form'
