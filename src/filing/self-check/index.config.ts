export default definePageConfig({ navigationBarTitleText: '信息自检' })
