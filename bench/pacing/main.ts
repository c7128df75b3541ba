import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BenchMode, ModeResult, runScenario } from './run-scenario';
import { parseScenario } from './scenario';

/*
 * Pacing benchmark: the real dialer engine (compliance-filtered selection, pacer, agent state machine) in simulated
 * time against the shared population model.
 *   npm run bench:pacing -- [--scenario FILE]... [--mode progressive,predictive,baseline] [--json] [--hours N]
 * Scenario paths are relative to the working directory; without --scenario it runs bench/pacing/scenarios/*.json.
 */
function parseArgs(argv: string[]): { files: string[]; json: boolean; modes: BenchMode[]; hours?: number } {
  const files: string[] = [];
  let json = false;
  let modes: BenchMode[] = ['progressive', 'predictive', 'baseline', 'baseline-tuned'];
  let hours: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--scenario') files.push(argv[++i]);
    else if (a === '--mode' || a === '--modes') modes = argv[++i].split(',') as BenchMode[];
    else if (a === '--hours') hours = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (files.length === 0) {
    const dir = resolve(process.cwd(), 'bench/pacing/scenarios');
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) files.push(join(dir, f));
  }
  return { files, json, modes, hours };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function main(): void {
  const { files, json, modes, hours } = parseArgs(process.argv.slice(2));
  const rows: ModeResult[] = [];
  for (const file of files) {
    const sc = parseScenario(readFileSync(resolve(process.cwd(), file), 'utf8'), basename(file, '.json'));
    if (hours != null) sc.hours = hours;
    for (const mode of modes) {
      const r = runScenario(sc, mode);
      rows.push(r);
      if (json) {
        const { extra: _extra, ...out } = r;
        console.log(JSON.stringify(out));
      } else {
        console.error(
          `${sc.name} ${mode}: ${r.extra.wallSeconds.toFixed(1)} s wall for ${sc.hours} h, ${sc.agents} agents`,
        );
      }
    }
  }
  if (json) return;
  const header = [
    'scenario',
    'mode',
    'occupancy',
    'abandon',
    'worst hour',
    'talk min/ag-h',
    'contacts/ag-h',
    'idle p50 s',
    'idle p95 s',
    'dials/contact',
    'wall s',
  ];
  const table = rows.map((r) => [
    r.scenario,
    r.mode,
    r.occupancy.toFixed(3),
    pct(r.abandonRate),
    pct(r.worstHourAbandonRate),
    r.talkMinutesPerAgentHour.toFixed(1),
    r.contactsPerAgentHour.toFixed(1),
    r.idleP50.toFixed(1),
    r.idleP95.toFixed(1),
    r.dialsPerContact.toFixed(2),
    r.extra.wallSeconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
}

main();
