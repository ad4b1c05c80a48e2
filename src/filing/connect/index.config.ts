export default definePageConfig({ navigationBarTitleText: '连接小程序' })
