export default definePageConfig({ navigationBarTitleText: '我连接的小程序', enablePullDownRefresh: false })
