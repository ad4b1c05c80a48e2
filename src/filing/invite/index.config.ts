export default definePageConfig({ navigationBarTitleText: '邀请负责人', enableShareAppMessage: true })
