import { AriError, type SimChannel, type SimEngine } from './sim-engine';

const DIRECTIONS = ['none', 'both', 'out', 'in'];

/**
 * POST /channels/{channelId}/snoop[/{snoopId}] as Asterisk 22 answers it (res/ari/resource_channels.c,
 * res_stasis_snoop.c): `spy` and `whisper` are none|both|out|in, at least one of them not none (400 otherwise), `app`
 * is required (400), the spied channel must exist (404). The answer is the new Snoop channel (state Up, named
 * `Snoop/<spied id>-<seq>`), which then enters Stasis in `app` with `appArgs` split on commas, and hangs up when the
 * spied channel is gone. The simulator carries no audio: the directions are kept on the channel for tests.
 */
export function snoopChannel(
  engine: SimEngine,
  spiedId: string,
  q: Record<string, string | undefined>,
  snoopIdFromPath?: string,
): SimChannel {
  const spy = q.spy || 'none';
  const whisper = q.whisper || 'none';
  if (!DIRECTIONS.includes(spy)) throw new AriError(400, { message: 'Invalid direction specified for spy' });
  if (!DIRECTIONS.includes(whisper)) throw new AriError(400, { message: 'Invalid direction specified for whisper' });
  if (spy === 'none' && whisper === 'none')
    throw new AriError(400, { message: 'Direction must be specified for at least spy or whisper' });
  if (!q.app) throw new AriError(400, { message: 'Application name is required' });
  const spied = engine.channels.get(spiedId);
  if (!spied) throw new AriError(404, { message: 'Channel not found' });
  const id = snoopIdFromPath || q.snoopId || engine.newUniqueId();
  const args = q.appArgs ? q.appArgs.split(',') : [];
  const now = new Date().toISOString().replace('Z', '+0000');
  const c: SimChannel = {
    id,
    name: '',
    state: 'Up',
    protocolId: '',
    caller: { name: '', number: '' },
    connected: { name: '', number: '' },
    dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'Stasis', app_data: [q.app, ...args].join(',') },
    creationtime: now,
    app: q.app,
    args,
    inStasis: false,
    flow: 'snoop',
    tech: 'Snoop',
    dialstring: '',
    timers: new Set(),
    vars: {},
    alive: true,
    dialing: false,
    answered: true,
    dialFailed: false,
    playQueue: [],
    recordings: new Set(),
    snoop: { spiedId: spied.id, spy, whisper },
  };
  engine.startSnoop(c);
  return c;
}
