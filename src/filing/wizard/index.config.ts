export default definePageConfig({ navigationBarTitleText: '新建备案' })
