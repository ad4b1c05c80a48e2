/**
 * WeChat cloud functions for miniprogram-simulate: `wx.cloud.callFunction({ name, data: { action, data } })` answers
 * from a map of `'<function>.<action>'` → the envelope the function would return (or a function of the input that
 * returns it). Install it before `launch()`: Taro copies `wx.cloud` when its runtime loads.
 *
 *   const cloud = installCloudStub({ 'filings.list': { ok: true, data: [] } })
 *   cloud.set('filings.get', (input) => ({ ok: true, data: … }))
 *   cloud.calls // [{ fn: 'filings', action: 'list', data: {} }, …]
 */
function notStubbed(key) {
  // a final answer (not a thrown error), so the client does not retry with back-off
  return { ok: false, code: 'INTERNAL', message: `云函数 ${key} 未在测试中模拟`, fieldErrors: {} }
}

/**
 * Puts a `wx.cloud` on the global `wx` whose `callFunction` answers with `answer(name, payload)`, calling back as
 * the real one does (success / fail, then complete) and returning the promise too.
 */
function installCloud(answer) {
  global.wx = global.wx || {}
  global.wx.cloud = {
    init() {},
    callFunction(options) {
      const promise = answer(options.name, options.data)
      promise.then(
        (res) => {
          options.success?.(res)
          options.complete?.(res)
        },
        (err) => {
          options.fail?.(err)
          options.complete?.(err)
        }
      )
      return promise
    }
  }
}

function installCloudStub(routes = {}) {
  const table = { ...routes }
  const calls = []

  async function answer(name, payload) {
    const action = payload && payload.action
    const data = payload && payload.data
    const key = `${name}.${action}`
    calls.push({ fn: name, action, data })
    const route = table[key]
    const result = route === undefined ? notStubbed(key) : typeof route === 'function' ? await route(data) : route
    // a deep copy, as if it had crossed the network
    return { errMsg: 'cloud.callFunction:ok', result: JSON.parse(JSON.stringify(result)) }
  }

  installCloud(answer)

  return {
    calls,
    set(key, route) {
      table[key] = route
    },
    reset() {
      calls.length = 0
    }
  }
}

module.exports = { installCloud, installCloudStub }
