export default definePageConfig({ navigationBarTitleText: '一页应用' })
