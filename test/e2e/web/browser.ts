import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium with a fresh, temporary profile (playwright-core makes a new user-data-dir per launch). */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** The web bundle the dialer serves (dist/web, made by `npm run build`); built here when missing. */
export function ensureWebBuild(): void {
  if (existsSync(resolve('dist', 'web', 'index.html'))) return;
  const r = spawnSync(
    process.execPath,
    ['-e', "import('vite').then((v) => v.build({ configFile: 'apps/web/vite.config.mjs', logLevel: 'warn' }))"],
    { encoding: 'utf8', stdio: 'pipe' },
  );
  if (r.status !== 0) throw new Error(`web build failed: ${r.stderr}`);
}

const AXE = readFileSync(join('node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the page as it is now (its source evaluated in the page, as CSP does not apply to it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE};0`);
  return page.evaluate(async () => {
    const g = globalThis as any;
    const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n: any) => String(n.target)),
    }));
  });
}

/** Only the serious and critical ones fail a test. */
export const serious = (v: AxeViolation[]): AxeViolation[] =>
  v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

/** A locale catalogue of the web app, for the texts a test expects to see. */
export function catalogue(lang: string): any {
  const dir = join('apps', 'web', 'src', 'locales', lang);
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))),
  );
}
