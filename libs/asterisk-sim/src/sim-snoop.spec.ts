import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ari from 'ari-client';
import { startAsteriskSim, type AsteriskSim } from './index';

type Ev = Record<string, any>;

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('asterisk-sim: channels/{id}/snoop with the real ari-client', () => {
  let sim: AsteriskSim;
  let client: ari.Client;
  const events: Ev[] = [];

  beforeAll(async () => {
    sim = await startAsteriskSim({ port: 0, username: 'u', password: 'p', seed: 3, timeScale: 10 });
    client = await ari.connect(sim.url, 'u', 'p');
    client.on('*' as any, (e: Ev) => events.push(e));
    await client.start('dialer');
  });

  afterAll(async () => {
    client.stop();
    await sim.close();
  });

  it('answers a Snoop channel that enters Stasis with its args and hangs up with the spied channel', async () => {
    const spied = sim.injectInbound({ number: '100', callerId: '+33600000000', patienceSeconds: 60 })!;
    const snoop = await (client.channels as any).snoopChannelWithId({
      channelId: spied.id,
      snoopId: 'snoop-1',
      spy: 'both',
      whisper: 'out',
      app: 'dialer',
      appArgs: 'acd-snoop,agent-1,whisper',
    });
    expect(snoop).toMatchObject({ id: 'snoop-1', state: 'Up' });
    expect(snoop.name).toMatch(new RegExp(`^Snoop/${spied.id}-[0-9a-f]{8}$`));
    const start = await until('StasisStart', () =>
      events.find((e) => e.type === 'StasisStart' && e.channel.id === 'snoop-1'),
    );
    expect(start.args).toEqual(['acd-snoop', 'agent-1', 'whisper']);
    expect(sim.engine.channels.get('snoop-1')?.snoop).toEqual({ spiedId: spied.id, spy: 'both', whisper: 'out' });

    sim.remoteHangup(spied.id);
    await until('the Snoop channel destroyed', () =>
      events.find((e) => e.type === 'ChannelDestroyed' && e.channel.id === 'snoop-1'),
    );
    expect(events.filter((e) => e.channel?.id === 'snoop-1').map((e) => e.type)).toEqual([
      'StasisStart',
      'ChannelHangupRequest',
      'StasisEnd',
      'ChannelDestroyed',
    ]);
  });

  it('refuses what Asterisk refuses: no direction (400), bad direction (400), no app (400), no channel (404)', async () => {
    const spied = sim.injectInbound({ number: '100', callerId: '+33600000001', patienceSeconds: 60 })!;
    const post = (path: string): Promise<{ status: number; body: any }> =>
      fetch(`${sim.ariUrl}${path}`, {
        method: 'POST',
        headers: { authorization: 'Basic ' + Buffer.from('u:p').toString('base64') },
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await post(`/channels/${spied.id}/snoop?app=dialer`)).toEqual({
      status: 400,
      body: { message: 'Direction must be specified for at least spy or whisper' },
    });
    expect((await post(`/channels/${spied.id}/snoop?app=dialer&spy=sideways`)).status).toBe(400);
    expect(await post(`/channels/${spied.id}/snoop?spy=in`)).toEqual({
      status: 400,
      body: { message: 'Application name is required' },
    });
    expect((await post(`/channels/nope/snoop?spy=in&app=dialer`)).status).toBe(404);
    const ok = await post(`/channels/${spied.id}/snoop?spy=in&app=dialer`);
    expect(ok.status).toBe(200);
    expect(ok.body.name).toMatch(/^Snoop\//);
    sim.remoteHangup(spied.id);
  });
});
