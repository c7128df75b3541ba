// The callback's date and time, picked in the page's language rather than the browser's (a datetime-local input
// shows the browser's locale): the next days as a list labelled through Intl, hours and minutes likewise, all as
// wall-clock values in the contact's time zone.

/** Today and the following days in `timeZone`, as YYYY-MM-DD. */
export function daysFrom(now: number, timeZone: string, count: number): string[] {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const [y, m, d] = ymd.format(new Date(now)).split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
  return out;
}

/** A YYYY-MM-DD day named in `lang` ("Tue 1 Dec", "12月1日周二"); the zone does not matter for a calendar day. */
export function dayLabel(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** An hour of the day in `lang` on a 24-hour clock ("10", "10时"). */
export function hourLabel(hour: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, hour)),
  );
}

/** Minutes as two digits in `lang` ("05"). */
export const minuteLabel = (minute: number, lang: string): string =>
  new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false }).format(minute);

/** The wall time ("YYYY-MM-DDTHH:MM", as `wallTimeToIso` reads it) of a picked day, hour and minute. */
export const wallTime = (day: string, hour: number, minute: number): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
