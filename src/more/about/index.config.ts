export default definePageConfig({ navigationBarTitleText: '关于备案助手' })
