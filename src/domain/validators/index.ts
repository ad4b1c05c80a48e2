export * from './idCard'
export * from './uscc'
export * from './mobile'
export * from './filingNumber'
