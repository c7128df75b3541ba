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

/**
 * Where a campaign's calling windows allow calls the brief's do not: extra hours on a weekday, weekends, evenings,
 * holidays. Empty when the campaign stays inside the brief. Each entry is a sentence for the planner.
 */
export function widerThanBrief(campaign: CallingWindows, brief: CallingWindows): string[] {
  const out: string[] = [];
  // days with the same extra hours and the same brief hours are named together: "mon, tue, wed 08:00-09:00 ..."
  const groups = new Map<string, string[]>();
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    const extra = subtract(rangesOf(campaign, day), rangesOf(brief, day));
    if (!extra.length) continue;
    const briefHours = rangesOf(brief, day)
      .map(([s, e]) => `${clock(s)}-${clock(e)}`)
      .join(', ');
    const key = `${extra.map(([s, e]) => `${clock(s)}-${clock(e)}`).join(', ')} is outside the brief's windows (${briefHours || 'no calls that day'})`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  for (const [text, days] of groups) out.push(`${days.join(', ')} ${text}`);
  if (campaign.evenings && !brief.evenings) out.push('evening calls are allowed, the brief does not allow them');
  if (campaign.weekends && !brief.weekends) out.push('weekend calls are allowed, the brief does not allow them');
  if (campaign.holidays && !brief.holidays) out.push('calls on holidays are allowed, the brief does not allow them');
  else if (!campaign.holidays && !brief.holidays) {
    const missing = (brief.holidayDates ?? []).filter((d) => !(campaign.holidayDates ?? []).includes(d));
    if (missing.length) out.push(`the brief's holidays ${missing.join(', ')} are callable days in the campaign`);
  }
  return out;
}
