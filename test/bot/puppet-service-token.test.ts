// The paid-puppet login path (wechaty-puppet-service with a token) resolves `wechaty://` endpoints
// through wechaty-token's resolver inside grpc-js. grpc-js 1.10+ changed the resolver interface
// that wechaty-token 1.1 implements (a token could never connect), so package.json pins grpc-js
// 1.9; this test fails if an upgrade breaks it again. A local gRPC server stands in for the
// service the token points to: WeChat itself is not reachable here.
import * as grpc from '@grpc/grpc-js'
import { afterAll, describe, expect, it } from 'vitest'
import { WechatyResolver, WechatyToken } from 'wechaty-token'

const server = new grpc.Server()
afterAll(() => { server.forceShutdown() })

describe('wechaty-puppet-service token endpoint', () => {
  it('resolves wechaty://…/<token> to the discovered host and connects', async () => {
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))))
    // the token service's answer, without the network
    WechatyToken.prototype.discover = async function () { return { host: '127.0.0.1', port } }
    WechatyResolver.setup()
    const client = new grpc.Client('wechaty:///puppet_padlocal_test', grpc.credentials.createInsecure())
    const error = await new Promise<Error | undefined>(resolve => client.waitForReady(Date.now() + 10_000, resolve))
    client.close()
    expect(error).toBeUndefined()
  }, 20_000)
})
