// Row reasons the API writes in English into import and upload reports (a contact list's rejected rows, a
// do-not-call file's refused lines). They are stored as text, so the page words the known ones from the catalogue
// and keeps the API's words for any other.

type T = (key: string, options?: Record<string, unknown>) => string;

/** [pattern, catalogue key, which capture groups are themselves reasons to word]. */
const PATTERNS: [RegExp, string, number[]][] = [
  [/^no valid phone number: (.+)$/s, 'noValidNumber', [1]],
  [/^number skipped \(the row was kept\): (.+)$/s, 'numberSkipped', [1]],
  [/^empty$/, 'empty', []],
  [/^no phone number$/, 'noPhone', []],
  [/^too short to be a phone number$/, 'tooShort', []],
  [/^too long to be a phone number$/, 'tooLong', []],
  [/^contains letters$/, 'letters', []],
  [/^not a phone number$/, 'notPhone', []],
  [/^not an international number and the list has no region$/, 'noRegion', []],
  [/^not a valid number for (.+)$/, 'notValidFor', []],
  [/^not an E\.164 number such as (\S+)$/, 'notE164', []],
  // field reasons of the API's form checks that carry their own wording (`matches` rules)
  [/^(?:\S+ )?must be an E\.164 number such as (\S+)$/, 'mustBeE164', []],
  [/^\S+ must be a time written HH:MM \((\S+)\)$/, 'mustBeHhmm', []],
  [/^\S+ must be YYYY-MM-DD$/, 'mustBeDate', []],
  [/^\S+ must be a telephone number$/, 'mustBePhone', []],
  [
    /^\S+ must be (?:a two-letter country code such as|an ISO 3166 alpha-2 code, e\.g\.) ([A-Z]{2})$/,
    'mustBeRegion',
    [],
  ],
  [/^unknown time zone \(the row was kept; the zone was derived from the number\)$/, 'unknownZone', []],
  [/^(\d+) cell\(s\) cleaned \(the row was kept\): .+$/s, 'cleaned', []],
  [/^(\d+) cell\(s\) beyond the (\d+) header column\(s\) were not imported \(the row was kept\)$/, 'ragged', []],
  [/^number shared by (\d+) contacts \(rows (.+)\): kept as separate contacts$/, 'shared', []],
];

/** A report row's reason in the page's language (`t` of that language); unknown wording is returned as it is. */
export function wordReason(reason: string, t: T): string {
  for (const [re, key, nested] of PATTERNS) {
    const m = re.exec(reason);
    if (!m) continue;
    const args: Record<string, string> = {};
    m.slice(1).forEach((v, i) => (args[`a${i + 1}`] = nested.includes(i + 1) ? wordReason(v, t) : v));
    return t(`serverReasons.${key}`, args);
  }
  return reason;
}
