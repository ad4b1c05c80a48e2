/**
 * The slice of wx-server-sdk 4.x this project uses, typed by hand (the SDK ships no types we can rely on,
 * and it must never be loaded in tests: the real one needs Tencent Cloud and kills Node 20 offline).
 */

export type WxCommandValue = unknown

export interface WxCommand {
  eq(value: unknown): WxCommandValue
  neq(value: unknown): WxCommandValue
  lt(value: unknown): WxCommandValue
  lte(value: unknown): WxCommandValue
  gt(value: unknown): WxCommandValue
  gte(value: unknown): WxCommandValue
  in(values: readonly unknown[]): WxCommandValue
  inc(n: number): WxCommandValue
  set(value: unknown): WxCommandValue
  remove(): WxCommandValue
}

export interface WxQuery {
  where(query: Record<string, unknown>): WxQuery
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery
  skip(n: number): WxQuery
  limit(n: number): WxQuery
  get(): Promise<{ data: Record<string, unknown>[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface WxDocRef {
  get(): Promise<{ data: Record<string, unknown> }>
  set(options: { data: Record<string, unknown> }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface WxCollectionRef extends WxQuery {
  doc(id: string): WxDocRef
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

export interface WxDatabase {
  command: WxCommand
  collection(name: string): WxCollectionRef
}

export interface WxContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  ENV?: string
}

export interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  database(): WxDatabase
  getWXContext(): WxContext
  openapi: {
    subscribeMessage: {
      send(options: {
        touser: string
        templateId: string
        page?: string
        data: Record<string, { value: string }>
        miniprogramState?: 'developer' | 'trial' | 'formal'
        lang?: string
      }): Promise<{ errCode?: number; errMsg?: string }>
    }
    wxacode: {
      getUnlimited(options: {
        scene: string
        page?: string
        checkPath?: boolean
        envVersion?: 'release' | 'trial' | 'develop'
        width?: number
      }): Promise<{ buffer: Buffer | Uint8Array; contentType?: string; errCode?: number; errMsg?: string }>
    }
  }
}
