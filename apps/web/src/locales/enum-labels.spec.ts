import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  AGENT_STATES,
  ATTEMPT_OUTCOMES,
  BRIEF_STATUSES,
  CAMPAIGN_CONTACT_STATUSES,
  CAMPAIGN_MODES,
  CAMPAIGN_STATES,
  DISPOSITION_CATEGORIES,
  DNC_SCOPES,
  DNC_SOURCES,
  MACHINE_ACTIONS,
  QUEUE_STRATEGIES,
  ROLES,
} from '@app/database';
import { HOLD_CODES } from '@app/dialer-core';
import { CONTACT_RESULTS } from '@app/reporting';

// Every value the API can send for a closed set (states, outcomes, categories, modes, reasons...) has a label in both
// catalogues: a value without one is shown raw ("pilot_review", "rejected-by-rule") on a Chinese page. The lists come
// from the server's own constants, so a value added there fails here until the web app can word it.
const dir = join('apps', 'web', 'src', 'locales');
const catalogue = (lang: string) => {
  const out: Record<string, unknown> = {};
  for (const file of ['common', 'planner', 'reports', 'requester', 'admin'])
    Object.assign(out, JSON.parse(readFileSync(join(dir, lang, `${file}.json`), 'utf8')) as Record<string, unknown>);
  return out;
};
const labelAt = (cat: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), cat);

/** Catalogue prefix → the server's list of values the page shows under it. */
const sets: [string, readonly string[]][] = [
  ['roles', ROLES],
  ['states', AGENT_STATES],
  ['campaignStates', CAMPAIGN_STATES],
  ['planner.campaignState', CAMPAIGN_STATES],
  ['modes', CAMPAIGN_MODES],
  ['planner.modes', CAMPAIGN_MODES],
  ['reports.modes', CAMPAIGN_MODES],
  ['holdReasons', HOLD_CODES],
  ['planner.briefStatus', BRIEF_STATUSES],
  ['requester.status', BRIEF_STATUSES],
  ['planner.categories', DISPOSITION_CATEGORIES],
  ['planner.contactStatus', CAMPAIGN_CONTACT_STATUSES],
  ['planner.outcomes', ATTEMPT_OUTCOMES],
  ['planner.setup.machine', MACHINE_ACTIONS],
  ['reports.contactResults', CONTACT_RESULTS],
  ['admin.dnc.scopes', DNC_SCOPES],
  ['admin.dnc.sources', DNC_SOURCES],
  ['admin.queues.strategies', QUEUE_STRATEGIES],
];

describe('enum labels in the web catalogues', () => {
  const langs = { en: catalogue('en'), 'zh-CN': catalogue('zh-CN') };
  it.each(sets)('%s: every value has a label in English and Chinese', (prefix, values) => {
    const missing = Object.entries(langs).flatMap(([lang, cat]) =>
      values
        .filter((v) => {
          const label = labelAt(cat, `${prefix}.${v}`);
          return typeof label !== 'string' || label.trim() === '';
        })
        .map((v) => `${lang}:${prefix}.${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('words the Chinese labels in Chinese (no English value copied over)', () => {
    const english = sets.flatMap(([prefix, values]) =>
      values
        .map((v) => [`${prefix}.${v}`, labelAt(langs['zh-CN'], `${prefix}.${v}`)] as const)
        .filter(([, label]) => typeof label === 'string' && !/[\u3400-\u9fff]/.test(label))
        .map(([k]) => k),
    );
    expect(english).toEqual([]);
  });
});
