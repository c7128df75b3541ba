import { api } from '../../support/test-app';

/**
 * Plays an agent over the REST API: polls the session and, in wrap-up, sends the disposition `decide` picks
 * (preview offers are dialed). Stops with stop(); never throws into the test, errors are kept in `errors`.
 */
export function agentBot(
  url: string,
  token: string,
  decide: (session: any) => Record<string, unknown> | null = () => ({ code: 'SALE' }),
): { stop(): Promise<void>; errors: string[]; dispositions: number } {
  let running = true;
  const state = { errors: [] as string[], dispositions: 0 };
  const loop = (async () => {
    while (running) {
      const s = await api(url, 'GET', '/api/agent/session', { token });
      if (s.status === 200 && s.body.state === 'wrap-up') {
        const body = decide(s.body);
        if (body) {
          const path = body.path ? String(body.path) : '/api/agent/disposition';
          const { path: _p, ...rest } = body;
          const r = await api(url, 'POST', path, { token, body: rest });
          if (r.status !== 200) state.errors.push(`${path} ${r.status} ${JSON.stringify(r.body)}`);
          else state.dispositions++;
        }
      } else if (s.status === 200 && s.body.state === 'ready' && s.body.offer) {
        const r = await api(url, 'POST', '/api/agent/preview/dial', { token });
        if (r.status !== 200) state.errors.push(`preview/dial ${r.status} ${JSON.stringify(r.body)}`);
      }
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  return {
    errors: state.errors,
    get dispositions() {
      return state.dispositions;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
