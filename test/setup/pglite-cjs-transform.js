// Jest runs CommonJS in a vm without dynamic import() (it needs --experimental-vm-modules); PGlite's CommonJS
// build imports Node built-ins with `import("fs")`. This turns those literal imports into `require`, for jest only:
// the server bundle and plain Node load PGlite unchanged. (Emscripten declares its own `var require` inside its
// functions, hence the module-level alias.)
const crypto = require('crypto')
const fs = require('fs')

const self = fs.readFileSync(__filename)

module.exports = {
  getCacheKey: (source) => crypto.createHash('sha256').update(self).update(source).digest('hex'),
  process(source) {
    const code = source.replace(/\bimport\((["'][a-z:/_]+["'])\)/g, 'Promise.resolve(__jestRequire($1))')
    return { code: `const __jestRequire = require;${code}` }
  }
}
