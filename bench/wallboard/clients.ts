// Child process of the wallboard benchmark: its share of the N socket.io clients on `/wallboard`, each subscribed
// to one campaign as the wallboard page does (`agentList: false`, or with the list under --agent-list). The clients
// run outside the dialer's process, so decoding their pushes does not count as the dialer's event-loop lag, and
// over several processes, so one client's decoding does not delay the next one's receipt (with all of them in one
// process, the 500th socket's receipt waits for the 499 decodes before it). On each `campaign` push a client keeps
// [Date.parse(push.at), Date.now()]: `at` is when the dialer started reading the numbers (same machine, same clock,
// millisecond resolution), so receipt − at covers read → build → emit → delivery → decode.
import { io, type Socket } from 'socket.io-client';

interface Start {
  type: 'start';
  url: string;
  token: string;
  campaignId: string;
  clients: number;
  agentList: boolean;
}

const sockets: Socket[] = [];
let samples: [number, number][] = [];
let recording = false;
let cpu0 = process.cpuUsage();

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
        if (recording) samples.push([Date.parse(c.at), Date.now()]);
      });
      s.once('connect_error', reject);
      s.once('connect', () => {
        s.emit(
          'subscribe',
          { campaignId: m.campaignId, agentList: m.agentList },
          (a: { ok: boolean; message?: string }) =>
            a.ok ? resolve() : reject(new Error(`subscribe refused: ${a.message}`)),
        );
      });
    });
  // In batches of 25, so the handshakes do not all land on the dialer in the same tick.
  for (let i = 0; i < m.clients; i += 25)
    await Promise.all(Array.from({ length: Math.min(25, m.clients - i) }, () => one()));
}

process.on('message', (m: Start | { type: 'record' } | { type: 'stop' }) => {
  if (m.type === 'start')
    connectAll(m).then(
      () => process.send!({ type: 'connected' }),
      (e: unknown) => process.send!({ type: 'failed', message: (e as Error).message }),
    );
  else if (m.type === 'record') {
    samples = [];
    cpu0 = process.cpuUsage();
    recording = true;
  } else if (m.type === 'stop') {
    recording = false;
    const cpu = process.cpuUsage(cpu0);
    for (const s of sockets) s.close();
    process.send!({ type: 'samples', samples, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
  }
});
