/**
 * Minimal App/Page shims so Taro's compiled weapp output (dist/weapp) can run inside
 * miniprogram-simulate (which only provides Component() + a mocked wx).
 */
const path = require('path')
const simulate = require('miniprogram-simulate')

const root = path.resolve(__dirname, '../../../dist/weapp')
let appCfg = null

function install() {
  global.App = (cfg) => {
    appCfg = cfg
  }
  global.getApp = () => appCfg
  global.getCurrentPages = () => []
  // Page(cfg) -> Component({...}) registered through simulate's Component while it loads the page
  global.Page = (cfg) => {
    const methods = {}
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v
    global.Component({
      data: cfg.data || {},
      methods,
      lifetimes: {
        attached() {
          this.route = this.__route__ = global.__simRoute
          this.onLoad(global.__simQuery || {})
        },
        ready() {
          this.onShow?.()
          this.onReady?.()
        }
      }
    })
  }
}

function launch(route = 'pages/index/index', query = {}) {
  install()
  require(path.join(root, 'app.js')) // pulls in runtime/taro/vendors (+common) and calls App()
  appCfg.onLaunch?.({ path: route, query, scene: 1001 })
  appCfg.onShow?.({ path: route, query, scene: 1001 })
}

// A page's JS registers its Page() once per process (require caches it): load each route once, render it often
const loaded = new Map()

function renderPage(route = 'pages/index/index', query = {}, compiler = 'official') {
  global.__simRoute = route
  global.__simQuery = query
  if (!loaded.has(route)) loaded.set(route, simulate.load(path.join(root, route), 'page', { rootPath: root, compiler })) // 'official' = wcc binary from miniprogram-compiler
  const id = loaded.get(route)
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

async function waitFor(cond, ms = 2000) {
  const t0 = Date.now()
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('waitFor timeout')
    await simulate.sleep(10)
  }
}

// Taro renders every node as <template> with id="{{i.uid||i.sid}}" and data-sid; find by DOM, act by id
function byDom(page, cssSelector) {
  const el = page.dom.querySelector(cssSelector)
  if (!el) throw new Error('no element ' + cssSelector)
  return page.querySelector('#' + el.getAttribute('data-sid'))
}

// miniprogram-simulate prefixes every class of a page with `page--`
function byClass(page, className) {
  return byDom(page, `.page--${className}`)
}

/** Taps the first element with that class (as the user's finger would) and lets React re-render. */
async function tap(page, className) {
  byClass(page, className).dispatchEvent('tap')
  await simulate.sleep(0)
}

module.exports = { launch, renderPage, waitFor, byDom, byClass, tap, root }
