import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { zoneFor } from './time-zones';

export interface NormalisedPhone {
  e164: string;
  /** mobile, fixed-line, voip, toll-free, ... or unknown (from libphonenumber's full metadata). */
  kind: string;
  /** ISO 3166 region the number belongs to, when libphonenumber can tell. */
  region: string | null;
  nationalNumber: string;
}

export type PhoneResult = { ok: true; phone: NormalisedPhone } | { ok: false; reason: string };

const KIND: Record<string, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-or-mobile',
  VOIP: 'voip',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/**
 * Reads a number as typed in a list (national with the list's region, or international with + or 00) and returns
 * it in E.164 with its kind, or the reason it is not a dialable number.
 */
export function normalisePhone(raw: string, region?: string | null): PhoneResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const digits = text.replace(/\D/g, '');
  // Cheap refusals first: libphonenumber costs ~50 µs a call, and a list can hold 100,000 of them.
  if (digits.length < 4) return { ok: false, reason: 'too short to be a phone number' };
  if (digits.length > 17) return { ok: false, reason: 'too long to be a phone number' };
  if (/[a-z]{3,}/i.test(text.replace(/\b(ext|x)\b\.?/gi, ''))) return { ok: false, reason: 'contains letters' };
  const international = text.startsWith('+') ? text : text.startsWith('00') ? `+${text.slice(2)}` : text;
  const defaultCountry = region ? (region.toUpperCase() as CountryCode) : undefined;
  const p = parsePhoneNumberFromString(international, defaultCountry);
  if (!p)
    return {
      ok: false,
      reason: defaultCountry ? 'not a phone number' : 'not an international number and the list has no region',
    };
  // With the full metadata, the type is undefined exactly when the number is not valid; one pass, not two.
  const type = numberType(p);
  if (type === undefined)
    return { ok: false, reason: `not a valid number for ${p.country ?? `+${p.countryCallingCode}`}` };
  return {
    ok: true,
    phone: {
      e164: p.number,
      kind: KIND[type] ?? 'unknown',
      region: p.country ?? null,
      nationalNumber: p.nationalNumber,
    },
  };
}

/** The parts of libphonenumber's Metadata read here (present at run time, not in its typings). */
interface NumberingPlanView {
  selectNumberingPlan(country: string): void;
  nationalNumberPattern(): string;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
const plans = new WeakMap<object, NumberingPlanView>();
const wholeMatch = new Map<string, RegExp>();
/** A metadata pattern that must match the whole national number, compiled once (libphonenumber compiles per call). */
function matches(text: string, pattern: string): boolean {
  let re = wholeMatch.get(pattern);
  if (!re) wholeMatch.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  return re.test(text);
}
const NON_FIXED_LINE = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/**
 * PhoneNumber.getType() of libphonenumber-js 1.x, step for step, with its patterns compiled once instead of at each
 * call (a third of the cost of reading a number). phone.spec checks it against getType() on many numbers.
 */
export function numberType(p: PhoneNumber): string | undefined {
  if (!p.country && !p.countryCallingCode) return undefined;
  const json = (p as unknown as { getMetadata(): MetadataJson }).getMetadata();
  let md = plans.get(json);
  if (!md) plans.set(json, (md = new Metadata(json) as unknown as NumberingPlanView));
  md.selectNumberingPlan(p.country || p.countryCallingCode);
  const national = p.nationalNumber as string;
  if (!matches(national, md.nationalNumberPattern())) return undefined;
  const is = (name: string): boolean => {
    const t = md.type(name);
    if (!t || !t.pattern()) return false;
    const lengths = t.possibleLengths();
    if (lengths && !lengths.includes(national.length)) return false;
    return matches(national, t.pattern());
  };
  if (is('FIXED_LINE')) {
    const mobile = md.type('MOBILE');
    if (!mobile || mobile.pattern() === '' || is('MOBILE')) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  return NON_FIXED_LINE.find(is);
}

/** Country calling code → region, for numbers libphonenumber cannot place exactly (shared codes). */
const MAIN_REGION: Record<string, string> = { '1': 'US', '7': 'RU', '44': 'GB', '61': 'AU', '262': 'RE', '590': 'GP' };

/**
 * A representative IANA zone for an E.164 number: by region, refined by area code for multi-zone countries.
 * Undefined when the number cannot be read or its country is not in the table (callers use the list's default).
 */
export function timeZoneForNumber(e164: string): string | undefined {
  const p = parsePhoneNumberFromString(e164.startsWith('+') ? e164 : `+${e164}`);
  if (!p) return undefined;
  const region = p.country ?? MAIN_REGION[p.countryCallingCode];
  return region ? zoneFor(region, p.nationalNumber) : undefined;
}

/** Same as timeZoneForNumber for an already parsed number (the import's hot path: no second parse). */
export function timeZoneOfPhone(phone: NormalisedPhone): string | undefined {
  return phone.region ? zoneFor(phone.region, phone.nationalNumber) : timeZoneForNumber(phone.e164);
}
