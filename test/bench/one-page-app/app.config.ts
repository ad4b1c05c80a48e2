export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationStyle: 'default', navigationBarTitleText: '一页应用', navigationBarBackgroundColor: '#ffffff' }
})
