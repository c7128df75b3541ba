// Child process of the wallboard benchmark: N socket.io clients on `/wallboard`, each subscribed to one campaign.
// They run here rather than in the dialer's process, so decoding 500 pushes a second does not count as the dialer's
// event-loop lag. On each `campaign` push a client records Date.now() − Date.parse(push.at): `at` is stamped by
// toWallboardDto just before the gateway emits the push to the room, so this is the fan-out from the emit to the
// client (same machine, same clock; `at` has millisecond resolution).
import { io, type Socket } from 'socket.io-client';

interface Start {
  type: 'start';
  url: string;
  token: string;
  campaignId: string;
  clients: number;
}

const sockets: Socket[] = [];
let samples: number[] = [];
let recording = false;

async function connectAll(m: Start): Promise<void> {
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = io(`${m.url}/wallboard`, {
        auth: { token: m.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      s.on('campaign', (c: { at: string }) => {
        if (recording) samples.push(Date.now() - Date.parse(c.at));
      });
      s.once('connect_error', reject);
      s.once('connect', () => {
        s.emit('subscribe', { campaignId: m.campaignId }, (a: { ok: boolean; message?: string }) =>
          a.ok ? resolve() : reject(new Error(`subscribe refused: ${a.message}`)),
        );
      });
    });
  // In batches of 50, so the handshakes do not all land on the dialer in the same tick.
  for (let i = 0; i < m.clients; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, m.clients - i) }, () => one()));
}

process.on('message', (m: Start | { type: 'record' } | { type: 'stop' }) => {
  if (m.type === 'start')
    connectAll(m).then(
      () => process.send!({ type: 'connected' }),
      (e: unknown) => process.send!({ type: 'failed', message: (e as Error).message }),
    );
  else if (m.type === 'record') {
    samples = [];
    recording = true;
  } else if (m.type === 'stop') {
    recording = false;
    for (const s of sockets) s.close();
    process.send!({ type: 'samples', samples }, () => process.exit(0));
  }
});
