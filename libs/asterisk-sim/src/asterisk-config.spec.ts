// asterisk-config/ checked without an Asterisk: what a real Asterisk 22.10.1 refused or got wrong (issue 9).
// - modules.conf names only modules Asterisk 22 has (chan_local.so made a strict start fail), and what it noloads
//   takes its dependents with it;
// - pjsip.conf: `identify` matches IPs / CIDRs only (a host that does not resolve made the object fail to load), no
//   reserved placeholder host names anywhere, every referenced auth / aor exists;
// - extensions.conf: the AMD `human` test extension plays silence after its greeting (a Local channel in Wait()
//   sends no frames and AMD answers NOTSURE,TOOLONG) for longer than amd.conf's after_greeting_silence.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { ASTERISK_22_MODULES, DEPENDENTS, REMOVED_MODULES } from './asterisk22-modules';

// jest runs from the repository root (no __dirname in code that also runs as ESM).
const DIR = join(process.cwd(), 'asterisk-config');

interface Section {
  name: string;
  templates: string[];
  isTemplate: boolean;
  entries: [string, string][];
}

/** Asterisk's flat config format: `[name](!)` / `[name](tpl1,tpl2)`, `key = value` or `key => value`, `;` comments. */
export function parseConf(text: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|[^\\]);.*$/, '$1').trim();
    if (!line) continue;
    const head = /^\[([^\]]+)\](?:\(([^)]*)\))?$/.exec(line);
    if (head) {
      const opts = (head[2] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      current = {
        name: head[1],
        templates: opts.filter((o) => o !== '!'),
        isTemplate: opts.includes('!'),
        entries: [],
      };
      out.push(current);
      continue;
    }
    const kv = /^([^=]+?)\s*=>?\s*(.*)$/.exec(line);
    if (kv && current) current.entries.push([kv[1].trim(), kv[2].trim()]);
  }
  return out;
}

const read = (file: string): Section[] => parseConf(readFileSync(join(DIR, file), 'utf8'));

/** A section's values with its templates' underneath (later wins), as pjsip.conf resolves them. */
function resolved(all: Section[], s: Section): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (sec: Section): void => {
    for (const t of sec.templates) {
      const tpl = all.find((x) => x.isTemplate && x.name === t);
      if (tpl) add(tpl);
    }
    for (const [k, v] of sec.entries) m.set(k, [...(m.get(k) ?? []), v]);
  };
  add(s);
  return m;
}

/** Module names of modules.conf lines: [directive, name without .so]. */
export function moduleLines(sections: Section[]): [string, string][] {
  const mods = sections.find((s) => s.name === 'modules');
  return (mods?.entries ?? [])
    .filter(([k]) => ['load', 'noload', 'require', 'preload', 'preload-require'].includes(k))
    .map(([k, v]) => [k, v.replace(/\.so$/, '')]);
}

/** Problems with module names: removed or unknown in Asterisk 22, noloaded while a dependent still loads. */
export function moduleProblems(lines: [string, string][]): string[] {
  const problems: string[] = [];
  const noload = new Set(lines.filter(([k]) => k === 'noload').map(([, m]) => m));
  for (const [directive, m] of lines) {
    if (REMOVED_MODULES[m]) problems.push(`${directive} = ${m}.so: ${REMOVED_MODULES[m]}`);
    else if (!ASTERISK_22_MODULES.has(m)) problems.push(`${directive} = ${m}.so: no such module in Asterisk 22`);
    if (directive !== 'noload' && noload.has(m)) problems.push(`${m}.so is both ${directive}ed and noloaded`);
  }
  for (const m of noload) {
    for (const d of DEPENDENTS[m] ?? []) {
      if (!noload.has(d)) problems.push(`noload = ${m}.so but ${d}.so (which requires it) still autoloads`);
    }
  }
  return problems;
}

// Names that never resolve (RFC 2606 / 6761) or resolve to the wrong place on a server.
const RESERVED_HOST = /(^|\.)(example|invalid|test|localhost)$|^example\.(com|net|org)$/i;

function hostOf(uri: string): string {
  const noScheme = uri.replace(/^sips?:/i, '');
  const afterUser = noScheme.includes('@') ? noScheme.slice(noScheme.lastIndexOf('@') + 1) : noScheme;
  const host = afterUser.startsWith('[') ? afterUser.slice(1, afterUser.indexOf(']')) : afterUser.split(/[:;>]/)[0];
  return host;
}

/** Problems in pjsip.conf: identify matches that are not IPs/CIDRs, placeholder hosts, dangling references. */
export function pjsipProblems(all: Section[]): string[] {
  const problems: string[] = [];
  const concrete = all.filter((s) => !s.isTemplate);
  const ofType = (type: string) => concrete.filter((s) => resolved(all, s).get('type')?.at(-1) === type);
  for (const s of ofType('identify')) {
    for (const value of resolved(all, s).get('match') ?? []) {
      for (const item of value.split(',').map((x) => x.trim())) {
        const ip = item
          .replace(/^!/, '')
          .split('/')[0]
          .replace(/^\[|\]$/g, '');
        if (isIP(ip) === 0) problems.push(`identify ${s.name}: match ${item} is not an IP address or CIDR range`);
      }
    }
  }
  for (const s of concrete) {
    const r = resolved(all, s);
    for (const key of ['contact', 'server_uri', 'client_uri', 'outbound_proxy']) {
      for (const v of r.get(key) ?? []) {
        const host = hostOf(v);
        if (RESERVED_HOST.test(host)) problems.push(`${s.name}: ${key} ${v} uses ${host}, a name that never resolves`);
      }
    }
  }
  for (const s of ofType('endpoint')) {
    const r = resolved(all, s);
    for (const [key, type] of [
      ['auth', 'auth'],
      ['outbound_auth', 'auth'],
      ['aors', 'aor'],
    ] as const) {
      for (const ref of (r.get(key) ?? []).flatMap((v) => v.split(',')).map((x) => x.trim())) {
        if (!ofType(type).some((x) => x.name === ref))
          problems.push(`endpoint ${s.name}: ${key} ${ref} has no ${type}`);
      }
    }
  }
  return problems;
}

const AUDIO_APPS = /^(Playback|Background|ControlPlayback|Playtones|MusicOnHold|StartMusicOnHold)$/i;

/** The extension's applications in priority order (`exten => x,1,App(args)` then `same => n,App(args)`). */
function extension(sections: Section[], context: string, exten: string): { app: string; args: string }[] {
  const ctx = sections.find((s) => s.name === context);
  const out: { app: string; args: string }[] = [];
  let inExten = false;
  for (const [k, v] of ctx?.entries ?? []) {
    if (k === 'exten') {
      const [name, , ...rest] = v.split(',');
      inExten = name.trim() === exten;
      if (inExten) out.push(app(rest.join(',')));
    } else if (k === 'same' && inExten) {
      const [, ...rest] = v.split(',');
      out.push(app(rest.join(',')));
    }
  }
  return out;
}
function app(text: string): { app: string; args: string } {
  const m = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/.exec(text);
  return { app: m?.[1] ?? text.trim(), args: m?.[2] ?? '' };
}

/**
 * Why an AMD "human" extension would not give HUMAN: after its greeting (the last Playback that is not silence)
 * the next step must play audio (silence frames) for at least after_greeting_silence milliseconds.
 */
export function amdHumanProblems(steps: { app: string; args: string }[], afterGreetingSilenceMs: number): string[] {
  const isSilence = (s: { app: string; args: string }) => /^silence\/\d+(\.\d+)?$/.test(s.args.trim());
  const greeting = steps.findLastIndex((s) => AUDIO_APPS.test(s.app) && !isSilence(s));
  if (greeting < 0) return ['no greeting is played'];
  const next = steps[greeting + 1];
  if (!next || !AUDIO_APPS.test(next.app)) {
    return [
      `after the greeting comes ${next ? `${next.app}(${next.args})` : 'nothing'}: no audio frames, AMD hears no silence`,
    ];
  }
  const seconds = isSilence(next) ? Number(next.args.trim().slice('silence/'.length)) : Number.POSITIVE_INFINITY;
  if (seconds * 1000 < afterGreetingSilenceMs) {
    return [`${next.app}(${next.args}) is shorter than after_greeting_silence (${afterGreetingSilenceMs} ms)`];
  }
  return [];
}

describe('asterisk-config for Asterisk 22', () => {
  it('parses every .conf file of the directory', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.conf'));
    expect(files).toEqual(expect.arrayContaining(['modules.conf', 'pjsip.conf', 'extensions.conf', 'amd.conf']));
    for (const f of files) expect([f, read(f).length > 0]).toEqual([f, true]);
  });

  it('modules.conf names only modules Asterisk 22 has, and noloads dependents with what they need', () => {
    const lines = moduleLines(read('modules.conf'));
    expect(lines.length).toBeGreaterThan(10);
    expect(moduleProblems(lines)).toEqual([]);
    // What the dialer needs is required, so that Asterisk refuses to start without it.
    const required = lines.filter(([k]) => k === 'require').map(([, m]) => m);
    expect(required).toEqual(
      expect.arrayContaining(['res_http_websocket', 'res_stasis', 'res_ari', 'res_pjsip', 'chan_pjsip', 'app_amd']),
    );
    // Unused modules that complain at every start without their configuration are not loaded.
    const noload = lines.filter(([k]) => k === 'noload').map(([, m]) => m);
    expect(noload).toEqual(expect.arrayContaining(['app_queue', 'res_phoneprov', 'res_pjsip_phoneprov_provider']));
  });

  it('the module check catches what Asterisk 22 refused', () => {
    expect(moduleProblems([['require', 'chan_local']])).toEqual([
      'require = chan_local.so: Local channels are in the core since Asterisk 12',
    ]);
    expect(moduleProblems([['load', 'chan_sip']])[0]).toContain('use chan_pjsip');
    expect(
      moduleProblems([
        ['load', 'app_macro'],
        ['load', 'res_monitor'],
      ]),
    ).toHaveLength(2);
    expect(moduleProblems([['load', 'res_nonesuch']])).toEqual([
      'load = res_nonesuch.so: no such module in Asterisk 22',
    ]);
    expect(moduleProblems([['noload', 'res_phoneprov']])).toEqual([
      'noload = res_phoneprov.so but res_pjsip_phoneprov_provider.so (which requires it) still autoloads',
    ]);
    expect(
      moduleProblems([
        ['require', 'res_ari'],
        ['noload', 'res_ari'],
      ]),
    ).toEqual(['res_ari.so is both requireed and noloaded']);
  });

  it('pjsip.conf loads cleanly with its placeholders: identify by IP, no host that never resolves', () => {
    const all = read('pjsip.conf');
    expect(pjsipProblems(all)).toEqual([]);
    const names = all.filter((s) => !s.isTemplate).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['carrier', 'agent-1001', 'agent-1002']));
  });

  it('the pjsip check catches the identify and host that failed on Asterisk 22', () => {
    const bad = parseConf(`
[carrier]
type = endpoint
outbound_auth = carrier
aors = carrier
[carrier]
type = aor
contact = sip:sip.carrier.example:5060
[carrier]
type = identify
endpoint = carrier
match = sip.carrier.example
`);
    expect(pjsipProblems(bad)).toEqual([
      'identify carrier: match sip.carrier.example is not an IP address or CIDR range',
      'carrier: contact sip:sip.carrier.example:5060 uses sip.carrier.example, a name that never resolves',
      'endpoint carrier: outbound_auth carrier has no auth',
    ]);
    expect(pjsipProblems(parseConf('[c]\ntype = identify\nmatch = 192.0.2.0/24, 2001:db8::1'))).toEqual([]);
  });

  it('the AMD human test extension plays silence after its greeting, long enough for HUMAN', () => {
    const amd = read('amd.conf').find((s) => s.name === 'general')!;
    const afterGreeting = Number(amd.entries.find(([k]) => k === 'after_greeting_silence')?.[1]);
    expect(afterGreeting).toBeGreaterThan(0);
    const human = extension(read('extensions.conf'), 'dialer-test', 'human');
    expect(human.map((s) => s.app)).toContain('Answer');
    expect(amdHumanProblems(human, afterGreeting)).toEqual([]);
  });

  it('the AMD check catches a greeting followed by Wait() (NOTSURE on Asterisk 22)', () => {
    const waits = extension(
      parseConf(`[t]
exten => human,1,Answer()
 same => n,Playback(hello-world)
 same => n,Wait(3600)`),
      't',
      'human',
    );
    expect(amdHumanProblems(waits, 800)).toEqual([
      'after the greeting comes Wait(3600): no audio frames, AMD hears no silence',
    ]);
    const short = extension(
      parseConf('[t]\nexten => human,1,Playback(hello-world)\n same => n,Playback(silence/0.5)'),
      't',
      'human',
    );
    expect(amdHumanProblems(short, 800)[0]).toContain('shorter than after_greeting_silence');
  });

  it('the inbound path: any DID enters the app as inbound,<DID>; the test caller presses 1; MOH and modules', () => {
    const ext = read('extensions.conf');
    const did = extension(ext, 'dialer-inbound', '_X.');
    expect(did[0]).toEqual({ app: 'Stasis', args: '${DIALER_APP},inbound,${EXTEN}' });
    const caller = extension(ext, 'dialer-test', 'caller-dtmf');
    expect(caller.map((s) => s.app)).toEqual(['Answer', 'Wait', 'SendDTMF', 'Wait', 'Hangup']);
    expect(caller[2].args.split(',')[0]).toBe('1');
    expect(extension(ext, 'dialer-test', 'caller').map((s) => s.app)).toEqual(['Answer', 'Wait', 'Hangup']);
    // The carrier's calls land in the DID context.
    const endpointTemplate = read('pjsip.conf').find((s) => s.name === 'carrier-endpoint');
    expect(endpointTemplate?.entries.find(([k]) => k === 'context')?.[1]).toBe('dialer-inbound');
    // The MOH class the ACD asks for by default, with files to play.
    const moh = read('musiconhold.conf').find((s) => s.name === 'default');
    expect(moh?.entries).toEqual(expect.arrayContaining([['mode', 'files']]));
    // What the inbound path needs is loaded explicitly and exists in Asterisk 22.
    const loads = read('modules.conf')
      .flatMap((s) => s.entries)
      .filter(([k]) => k === 'load' || k === 'require')
      .map(([, v]) => v.replace(/\.so$/, ''));
    for (const m of ['bridge_holding', 'chan_bridge_media', 'app_senddtmf', 'res_musiconhold', 'res_stasis_snoop']) {
      expect(loads).toContain(m);
      expect(ASTERISK_22_MODULES).toContain(m);
    }
  });
});
