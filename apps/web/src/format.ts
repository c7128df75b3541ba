// Dates, times, numbers and durations through Intl, in the interface's language.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useFormat() {
  const { i18n } = useTranslation();
  return formatter(i18n.language);
}

export type Format = ReturnType<typeof formatter>;

/** The formatting helpers for one language (`useFormat` gives the interface's). */
export function formatter(lang: string) {
  return {
    number: (n: number, digits = 0) =>
      new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n),
    percent: (n: number, digits = 1) =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }).format(n),
    time: (d: string | number | Date, timeZone?: string) =>
      new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(
        new Date(d),
      ),
    /** A calendar day ("2026-11-30", or an instant's UTC day) as "Nov 30" / "11月30日". */
    day: (d: string) =>
      new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${d.slice(0, 10)}T00:00:00Z`),
      ),
    /** A calendar date ("2026-12-25") with its year, e.g. "Dec 25, 2026" / "2026年12月25日". */
    date: (d: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${d.slice(0, 10)}T00:00:00Z`),
      ),
    /** Items joined as a list in the interface's language ("a, b and c" / "a、b和c"). */
    list: (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items),
    dateTime: (d: string | number | Date, timeZone?: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(d)),
    /** Elapsed time as h:mm:ss or m:ss (digits through Intl). */
    duration: (ms: number) => {
      const s = Math.max(0, Math.floor(ms / 1000));
      const nf = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const sec = s % 60;
      return h > 0 ? `${h}:${nf.format(m)}:${nf.format(sec)}` : `${m}:${nf.format(sec)}`;
    },
  };
}

/** The offset (ms) of a time zone at an instant: wall clock there minus UTC. */
function zoneOffset(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** A `datetime-local` value ("2026-12-01T10:30") read as a wall time in `timeZone`, as an ISO instant. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let t = asUtc - zoneOffset(timeZone, asUtc);
  t = asUtc - zoneOffset(timeZone, t);
  return new Date(t).toISOString();
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function isoToWallTime(instant: number, timeZone: string): string {
  const d = new Date(instant + zoneOffset(timeZone, instant));
  return d.toISOString().slice(0, 16);
}

/** Ticks every `ms` so elapsed times re-render. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
