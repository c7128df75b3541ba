import { startAsteriskSim } from '@app/asterisk-sim';

/** Reads one environment variable; a bad value stops the process with `NAME=value: reason`. */
function envNumber(name: string, fallback: number, check: (n: number) => boolean, reason: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) {
    console.error(`${name}=${raw}: ${reason}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const port = envNumber('SIM_PORT', 8088, (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'must be a port number');
  const seed = envNumber('SIM_SEED', 1, Number.isInteger, 'must be an integer');
  const timeScale = envNumber('SIM_TIME_SCALE', 1, (n) => n > 0, 'must be a number > 0');
  const host = process.env.SIM_HOST || '127.0.0.1';
  const username = process.env.SIM_USERNAME || 'dialer';
  let password = process.env.SIM_PASSWORD;
  if (!password) {
    password = 'dialer-dev';
    console.warn('SIM_PASSWORD not set: using the development password "dialer-dev" (simulator only)');
  }
  const sim = await startAsteriskSim({ port, host, username, password, seed, timeScale });
  console.log(
    `asterisk-sim listening on ${sim.url} (ARI ${sim.ariUrl}, user ${username}, seed ${seed}, x${timeScale})`,
  );
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
