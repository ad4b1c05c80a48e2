/** @jest-environment node */
/**
 * Stored face tasks: a result push moves the stored task at once (WeChat notify_icpfiling_verify_result,
 * Douyin's ICP_ push); without a push the view polls once the last look is old; time ends a pending task; a restart
 * is the newest task.
 */
import { handleDouyinPush, handleWechatPush } from '../../../../src/cloud/platforms/binding'
import { currentFaceTask, POLL_AFTER_MS, startFaceTask } from '../../../../src/cloud/platforms/face-tasks'
import { advance, douyinFilingEnv, DY_APP, wechatFilingEnv, WX_APP } from './filing-fixture'
import { DY_SECRETS, WX_SECRETS, type ConnectorEnv } from './fixture'

function withConnector<E extends ConnectorEnv>(env: E): E {
  env.deps.platforms = {
    wechat: { client: env.wechat, push: WX_SECRETS },
    douyin: { client: env.douyin, push: DY_SECRETS },
    publicBaseUrl: 'https://beian.example.com'
  }
  return env
}

describe('stored face tasks', () => {
  it('WeChat: the result push marks the task passed without a poll', async () => {
    const env = withConnector(await wechatFilingEnv())
    const started = await startFaceTask(env.deps, env.api, WX_APP, { provinceCode: '120000' }, 'filing-1')
    expect(started).toMatchObject({ status: 'pending', filingId: 'filing-1', channel: 'wechat_notice' })
    const push = env.fake.wechatFaceResult(started.taskId, true)!
    expect(await handleWechatPush(env.deps, push.query, push.body)).toBe('face')
    const polls = env.fake.callsOf('query_icp_verifytask')
    const now = await currentFaceTask(env.deps, env.api, WX_APP)
    expect(now).toMatchObject({ taskId: started.taskId, status: 'passed' })
    // a passed WeChat task counts for the task id's 3 days from its start
    expect(Date.parse(now!.expiresAt!) - Date.parse(started.startedAt)).toBe(3 * 24 * 3_600_000)
    expect(env.fake.callsOf('query_icp_verifytask')).toBe(polls)
  })

  it('WeChat: without a push the view polls once the last look is older than 30 s', async () => {
    const env = withConnector(await wechatFilingEnv())
    const started = await startFaceTask(env.deps, env.api, WX_APP, { provinceCode: '120000' })
    env.fake.wxIcp.finishFace(started.taskId, false)
    expect((await currentFaceTask(env.deps, env.api, WX_APP))?.status).toBe('pending')
    expect(env.fake.callsOf('query_icp_verifytask')).toBe(0)
    env.clock.advance(POLL_AFTER_MS)
    expect((await currentFaceTask(env.deps, env.api, WX_APP))?.status).toBe('failed')
    expect(env.fake.callsOf('query_icp_verifytask')).toBe(1)
  })

  it('WeChat: a task nobody answered expires after 24 h; the restart is the current one', async () => {
    const env = withConnector(await wechatFilingEnv())
    const old = await startFaceTask(env.deps, env.api, WX_APP, { provinceCode: '120000' })
    await advance(env, 24 * 3_600_000)
    expect((await currentFaceTask(env.deps, env.api, WX_APP))?.status).toBe('expired')
    const fresh = await startFaceTask(env.deps, env.api, WX_APP, { provinceCode: '120000' })
    expect(fresh.taskId).not.toBe(old.taskId)
    expect(await currentFaceTask(env.deps, env.api, WX_APP)).toMatchObject({ taskId: fresh.taskId, status: 'pending' })
  })

  it('Douyin: the result push marks the token passed; an unknown token is ignored', async () => {
    const env = withConnector(await douyinFilingEnv())
    const started = await startFaceTask(env.deps, env.api, DY_APP, { provinceCode: '120000' })
    expect(started.url).toMatch(/^https:\/\//)
    expect(await handleDouyinPush(env.deps, env.fake.douyinFaceResult(DY_APP, started.taskId, 'passed'))).toBe('face')
    expect(await currentFaceTask(env.deps, env.api, DY_APP)).toMatchObject({ status: 'passed' })
    expect(await handleDouyinPush(env.deps, env.fake.douyinFaceResult(DY_APP, 'face-other', 'passed'))).toBe('ignored')
  })
})
