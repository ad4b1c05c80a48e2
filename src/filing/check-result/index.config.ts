export default definePageConfig({ navigationBarTitleText: '自检结果' })
