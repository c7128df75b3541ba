import { randomBytes } from 'node:crypto';
import { AriTelephonyAdapter, type AriLogger } from '@app/ari';
import { startAsteriskSim, type AsteriskSim } from '@app/asterisk-sim';
import type { DialerConfig } from '@app/config';

/** Nest token of the in-process simulator (null when ARI_URL points at a real Asterisk). */
export const ASTERISK_SIM = Symbol('ASTERISK_SIM');

export interface TelephonyBackend {
  port: AriTelephonyAdapter;
  sim: AsteriskSim | null;
}

type TelephonyConfig = Pick<DialerConfig, 'ARI_URL' | 'ARI_USERNAME' | 'ARI_PASSWORD' | 'ARI_APP' | 'SIM_PORT'>;

/**
 * With ARI_URL: the adapter to that Asterisk, connecting in the background (the app starts even while Asterisk is
 * down; /health says `ari: down` and telephony operations answer 503 until it is up). Without it: the ARI simulator
 * in-process on SIM_PORT (any free port if that one is taken), with credentials generated now.
 */
export async function createTelephony(cfg: TelephonyConfig, logger: AriLogger): Promise<TelephonyBackend> {
  if (cfg.ARI_URL) {
    const port = new AriTelephonyAdapter({
      url: cfg.ARI_URL,
      username: cfg.ARI_USERNAME,
      password: cfg.ARI_PASSWORD ?? '',
      app: cfg.ARI_APP,
      logger,
    });
    port.start().catch((e: unknown) => logger.error(`ARI: ${(e as Error).message}`));
    return { port, sim: null };
  }
  const username = 'dialer';
  const password = randomBytes(12).toString('hex');
  let sim: AsteriskSim;
  try {
    sim = await startAsteriskSim({ port: cfg.SIM_PORT, username, password });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    logger.warn(`SIM_PORT ${cfg.SIM_PORT} is taken: the simulator listens on a free port instead`);
    sim = await startAsteriskSim({ port: 0, username, password });
  }
  logger.log(`ARI simulator at ${sim.url} (user ${username})`);
  const port = new AriTelephonyAdapter({ url: sim.url, username, password, app: cfg.ARI_APP, logger });
  await port.start();
  return { port, sim };
}
