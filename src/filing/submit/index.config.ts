export default definePageConfig({ navigationBarTitleText: '提交备案' })
