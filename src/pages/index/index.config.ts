export default definePageConfig({ navigationBarTitleText: '备案助手', enableShareAppMessage: true })
