export default definePageConfig({ navigationBarTitleText: '邀请负责人' })
