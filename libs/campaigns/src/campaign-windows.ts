import type { CallingWindows } from '@app/briefs';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const clock = (n: number): string =>
  `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
const WEEKEND = new Set(['sat', 'sun']);

/** Minute ranges of `w` on `day`, as it would dial them (weekend days only when weekends are allowed). */
function rangesOf(w: CallingWindows, day: string): [number, number][] {
  if (WEEKEND.has(day) && !w.weekends) return [];
  return (w.weekdays.find((d) => d.day === day)?.ranges ?? []).map((r) => [minutes(r.from), minutes(r.to)]);
}

/** `a` minus the union of `b`. */
function subtract(a: [number, number][], b: [number, number][]): [number, number][] {
  let out = a.map((r) => [...r] as [number, number]);
  for (const [bs, be] of b)
    out = out.flatMap(([s, e]): [number, number][] => {
      if (be <= s || bs >= e) return [[s, e]];
      const parts: [number, number][] = [];
      if (s < bs) parts.push([s, bs]);
      if (be < e) parts.push([be, e]);
      return parts;
    });
  return out;
}

/** One way a campaign's calling windows go beyond its brief's (a client words it in its own language). */
export type WiderPart =
  | { kind: 'hours'; days: string[]; extra: string[]; brief: string[] }
  | { kind: 'evenings' }
  | { kind: 'weekends' }
  | { kind: 'holidays' }
  | { kind: 'holiday-dates'; dates: string[] };

/**
 * Where a campaign's calling windows allow calls the brief's do not: extra hours on a weekday, weekends, evenings,
 * holidays. Empty when the campaign stays inside the brief. Days with the same extra hours and the same brief hours
 * come together in one part; hours are "HH:MM-HH:MM".
 */
export function widerThanBriefParts(campaign: CallingWindows, brief: CallingWindows): WiderPart[] {
  const out: WiderPart[] = [];
  const groups = new Map<string, { days: string[]; extra: string[]; brief: string[] }>();
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    const extra = subtract(rangesOf(campaign, day), rangesOf(brief, day)).map(([s, e]) => `${clock(s)}-${clock(e)}`);
    if (!extra.length) continue;
    const briefHours = rangesOf(brief, day).map(([s, e]) => `${clock(s)}-${clock(e)}`);
    const key = JSON.stringify([extra, briefHours]);
    const g = groups.get(key);
    if (g) g.days.push(day);
    else groups.set(key, { days: [day], extra, brief: briefHours });
  }
  for (const g of groups.values()) out.push({ kind: 'hours', ...g });
  if (campaign.evenings && !brief.evenings) out.push({ kind: 'evenings' });
  if (campaign.weekends && !brief.weekends) out.push({ kind: 'weekends' });
  if (campaign.holidays && !brief.holidays) out.push({ kind: 'holidays' });
  else if (!campaign.holidays && !brief.holidays) {
    const missing = (brief.holidayDates ?? []).filter((d) => !(campaign.holidayDates ?? []).includes(d));
    if (missing.length) out.push({ kind: 'holiday-dates', dates: missing });
  }
  return out;
}

/** One part as an English sentence for the planner (the API's warnings and field reasons). */
export function widerPartText(p: WiderPart): string {
  switch (p.kind) {
    case 'hours':
      return `${p.days.join(', ')} ${p.extra.join(', ')} is outside the brief's windows (${p.brief.join(', ') || 'no calls that day'})`;
    case 'evenings':
      return 'evening calls are allowed, the brief does not allow them';
    case 'weekends':
      return 'weekend calls are allowed, the brief does not allow them';
    case 'holidays':
      return 'calls on holidays are allowed, the brief does not allow them';
    case 'holiday-dates':
      return `the brief's holidays ${p.dates.join(', ')} are callable days in the campaign`;
  }
}

/** `widerThanBriefParts` as English sentences, one per part. */
export function widerThanBrief(campaign: CallingWindows, brief: CallingWindows): string[] {
  return widerThanBriefParts(campaign, brief).map(widerPartText);
}
