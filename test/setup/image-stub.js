// Images in jsdom: the build inlines them as URLs; a test sees a placeholder URL
module.exports = 'image-stub.png'
