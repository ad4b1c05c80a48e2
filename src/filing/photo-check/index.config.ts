export default definePageConfig({ navigationBarTitleText: '检查照片' })
