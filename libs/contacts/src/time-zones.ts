/**
 * A compact map from a number to a representative IANA zone. Single-zone countries map by region; the common
 * multi-zone countries (US, CA, MX, BR, AU, RU, ...) map by the leading digits of the national number (area code).
 * This is a best guess for calling windows: mobile numbers travel, so a zone given in the list always wins.
 */

/** Region (ISO 3166 alpha-2) → zone, for countries with one zone (or one dominant zone). */
export const REGION_ZONES: Readonly<Record<string, string>> = {
  AD: 'Europe/Andorra',
  AE: 'Asia/Dubai',
  AF: 'Asia/Kabul',
  AL: 'Europe/Tirane',
  AM: 'Asia/Yerevan',
  AO: 'Africa/Luanda',
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AZ: 'Asia/Baku',
  BA: 'Europe/Sarajevo',
  BB: 'America/Barbados',
  BD: 'Asia/Dhaka',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  BH: 'Asia/Bahrain',
  BO: 'America/La_Paz',
  BY: 'Europe/Minsk',
  BZ: 'America/Belize',
  CH: 'Europe/Zurich',
  CI: 'Africa/Abidjan',
  CL: 'America/Santiago',
  CM: 'Africa/Douala',
  CN: 'Asia/Shanghai',
  CO: 'America/Bogota',
  CR: 'America/Costa_Rica',
  CU: 'America/Havana',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  DO: 'America/Santo_Domingo',
  DZ: 'Africa/Algiers',
  EC: 'America/Guayaquil',
  EE: 'Europe/Tallinn',
  EG: 'Africa/Cairo',
  ES: 'Europe/Madrid',
  ET: 'Africa/Addis_Ababa',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GE: 'Asia/Tbilisi',
  GG: 'Europe/Guernsey',
  GH: 'Africa/Accra',
  GI: 'Europe/Gibraltar',
  GR: 'Europe/Athens',
  GT: 'America/Guatemala',
  HK: 'Asia/Hong_Kong',
  HN: 'America/Tegucigalpa',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IM: 'Europe/Isle_of_Man',
  IN: 'Asia/Kolkata',
  IQ: 'Asia/Baghdad',
  IR: 'Asia/Tehran',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  JE: 'Europe/Jersey',
  JM: 'America/Jamaica',
  JO: 'Asia/Amman',
  JP: 'Asia/Tokyo',
  KE: 'Africa/Nairobi',
  KR: 'Asia/Seoul',
  KW: 'Asia/Kuwait',
  LB: 'Asia/Beirut',
  LI: 'Europe/Vaduz',
  LK: 'Asia/Colombo',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MA: 'Africa/Casablanca',
  MC: 'Europe/Monaco',
  MD: 'Europe/Chisinau',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  MT: 'Europe/Malta',
  MY: 'Asia/Kuala_Lumpur',
  NG: 'Africa/Lagos',
  NI: 'America/Managua',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NP: 'Asia/Kathmandu',
  NZ: 'Pacific/Auckland',
  OM: 'Asia/Muscat',
  PA: 'America/Panama',
  PE: 'America/Lima',
  PH: 'Asia/Manila',
  PK: 'Asia/Karachi',
  PL: 'Europe/Warsaw',
  PR: 'America/Puerto_Rico',
  PT: 'Europe/Lisbon',
  PY: 'America/Asuncion',
  QA: 'Asia/Qatar',
  RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade',
  SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  SM: 'Europe/San_Marino',
  SN: 'Africa/Dakar',
  SV: 'America/El_Salvador',
  TH: 'Asia/Bangkok',
  TN: 'Africa/Tunis',
  TR: 'Europe/Istanbul',
  TT: 'America/Port_of_Spain',
  TW: 'Asia/Taipei',
  TZ: 'Africa/Dar_es_Salaam',
  UA: 'Europe/Kyiv',
  UG: 'Africa/Kampala',
  UY: 'America/Montevideo',
  UZ: 'Asia/Tashkent',
  VA: 'Europe/Vatican',
  VE: 'America/Caracas',
  VN: 'Asia/Ho_Chi_Minh',
  ZA: 'Africa/Johannesburg',
  ZM: 'Africa/Lusaka',
  ZW: 'Africa/Harare',
  // Several zones: the most populous one, refined by PREFIX_ZONES where a table exists.
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AU: 'Australia/Sydney',
  RU: 'Europe/Moscow',
  ID: 'Asia/Jakarta',
  KZ: 'Asia/Almaty',
  CD: 'Africa/Kinshasa',
  PF: 'Pacific/Tahiti',
  GL: 'America/Nuuk',
  MN: 'Asia/Ulaanbaatar',
  KI: 'Pacific/Tarawa',
  FM: 'Pacific/Pohnpei',
};

const zones = (spec: Record<string, string>): Map<string, string> => {
  const m = new Map<string, string>();
  for (const [zone, prefixes] of Object.entries(spec)) for (const p of prefixes.split(/\s+/)) if (p) m.set(p, zone);
  return m;
};

/** Area codes not listed fall back to the region's zone above (US: New York). */
const US = zones({
  'America/Chicago':
    '205 251 256 334 659 938 479 501 870 327 217 224 309 312 331 447 464 618 630 708 773 779 815 847 872 219 574 ' +
    '319 515 563 641 712 316 620 785 913 270 364 225 318 337 504 985 218 320 507 612 651 763 952 228 601 662 769 ' +
    '314 417 557 573 636 660 816 975 308 402 531 701 405 539 572 580 918 605 423 615 629 731 901 931 210 214 254 ' +
    '281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979 262 274 414 ' +
    '534 608 715 920 850',
  'America/Denver': '303 719 720 970 983 208 986 406 505 575 385 435 801 307 915',
  'America/Phoenix': '480 520 602 623 928',
  'America/Los_Angeles':
    '209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 ' +
    '818 820 831 840 858 909 916 925 949 951 702 725 775 458 503 541 971 206 253 360 425 509 564',
  'America/Anchorage': '907',
  'Pacific/Honolulu': '808',
});

const CA = zones({
  'America/Vancouver': '236 250 604 672 778',
  'America/Edmonton': '368 403 587 780 825 867',
  'America/Regina': '306 474 639',
  'America/Winnipeg': '204 431 584',
  'America/Halifax': '506 782 902',
  'America/St_Johns': '709 879',
});

const MX = zones({
  'America/Tijuana': '664 686 646 665 616 653',
  'America/Hermosillo': '662 631 638 642 644 647',
  'America/Mazatlan': '667 669 612 624 672 673 687 694 696 697 698 311 319 323 324 325 327',
  'America/Chihuahua': '614 625 626 627 628 629 635 636 639 648 649',
  'America/Ciudad_Juarez': '656',
  'America/Cancun': '998 983 984 987 997',
});

const BR = zones({
  'America/Cuiaba': '65 66',
  'America/Campo_Grande': '67',
  'America/Rio_Branco': '68',
  'America/Porto_Velho': '69',
  'America/Bahia': '71 73 74 75 77 79',
  'America/Recife': '81 83 87',
  'America/Maceio': '82',
  'America/Fortaleza': '84 85 86 88 89 98 99',
  'America/Belem': '91 93 94 96',
  'America/Manaus': '92 97',
  'America/Boa_Vista': '95',
  'America/Araguaina': '63',
});

const AU = zones({
  'Australia/Sydney': '2',
  'Australia/Melbourne': '3',
  'Australia/Brisbane': '7',
  'Australia/Adelaide': '88',
  'Australia/Perth': '89',
});

const RU = zones({
  'Europe/Kaliningrad': '401',
  'Europe/Samara': '846 848',
  'Asia/Yekaterinburg': '343 345 347 351 352 353',
  'Asia/Omsk': '381',
  'Asia/Novosibirsk': '383',
  'Asia/Krasnoyarsk': '391 390 394',
  'Asia/Irkutsk': '395',
  'Asia/Yakutsk': '411',
  'Asia/Vladivostok': '423 421',
  'Asia/Magadan': '413',
  'Asia/Kamchatka': '415',
});

const ID = zones({ 'Asia/Makassar': '36 38 41 42 43 45 51 53 54 55', 'Asia/Jayapura': '90 91 92 96 97 98 99' });

/** Region → (leading national digits → zone), longest prefix wins. */
const PREFIX_ZONES: Readonly<Record<string, Map<string, string>>> = { US, CA, MX, BR, AU, RU, ID };

/** The zone for a region and its national significant number, or undefined when the region is not mapped. */
export function zoneFor(region: string, nationalNumber: string): string | undefined {
  const table = PREFIX_ZONES[region];
  if (table)
    for (let len = 4; len >= 1; len--) {
      const z = table.get(nationalNumber.slice(0, len));
      if (z) return z;
    }
  return REGION_ZONES[region];
}

const canonical = new Map<string, string | null>();
/** The canonical IANA name of a zone this runtime knows (case-insensitive), else undefined. Cached: Intl is slow. */
export function canonicalTimeZone(name: string): string | undefined {
  let z = canonical.get(name);
  if (z === undefined) {
    try {
      z = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      z = null;
    }
    if (canonical.size < 10_000) canonical.set(name, z);
  }
  return z ?? undefined;
}
