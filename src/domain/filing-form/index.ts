/**
 * The filing form, held once: its sections and labels per owner type and platform, the empty value, the 有效期
 * (date or 长期) rule, diff and merge, and the two-way mapping with the wizard's answers.
 */
export * from './empty'
export * from './diff'
export * from './sections'
export * from './answers'
export * from './shown-fields'
