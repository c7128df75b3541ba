// The header words a column is recognised by. Pure (no server imports): the web app suggests the same mapping from
// a file's header row before the upload, and the importer (columns.ts) decides with it.

/** The standard contact fields a column can map to; everything else becomes a custom field in `contacts.fields`. */
export const STANDARD_TARGETS = [
  'phone',
  'firstName',
  'lastName',
  'name',
  'externalId',
  'timeZone',
  'segment',
  'region',
] as const;
export type StandardTarget = (typeof STANDARD_TARGETS)[number];

/** Explicit mapping: target → header (phone may list several headers, dialed in that order). */
export type ColumnMapping = Partial<Record<Exclude<StandardTarget, 'phone'>, string>> & { phone?: string | string[] };

/**
 * Header names as compared: NFKC, lower case, letters and digits of any script only ("First Name" = "first_name" =
 * "FIRSTNAME"; "手机号：" = "手机号"; full-width letters fold to ASCII).
 */
export const headerKey = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

export const SYNONYMS: Record<Exclude<StandardTarget, 'phone'>, string[]> = {
  firstName: ['firstname', 'givenname', 'forename', 'first', 'fname', 'prenom', 'vorname', '名'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'lname', 'nom', 'nachname', '姓', '姓氏'],
  name: [
    'name',
    'fullname',
    'contactname',
    'customername',
    'contact',
    '姓名',
    '名字',
    '客户姓名',
    '客户名称',
    '客户名',
    '联系人',
    '联系人姓名',
    '全名',
    '客戶姓名',
    '聯絡人',
    '聯繫人',
  ],
  externalId: [
    'externalid',
    'id',
    'customerid',
    'clientid',
    'accountid',
    'customerref',
    'reference',
    'ref',
    'extid',
    '编号',
    '客户编号',
    '客户id',
    '客户号',
    '会员号',
    '会员编号',
    '編號',
    '客戶編號',
  ],
  timeZone: ['timezone', 'tz', 'zone', 'tzname', '时区', '時區'],
  segment: ['segment', 'group', 'cohort', 'stratum', '分组', '客户分组', '分類', '分类', '类别', '類別'],
  region: ['region', 'country', 'countrycode', 'iso2', '国家', '国家代码', '國家', '地区代码'],
};

export const PHONE_WORDS = [
  'phone',
  'phonenumber',
  'mobile',
  'mobilephone',
  'mobilenumber',
  'cell',
  'cellphone',
  'tel',
  '电话',
  '手机',
  '手机号',
  '手机号码',
  '联系电话',
  '电话号码',
  '移动电话',
  '手機',
  '手機號',
  '手機號碼',
  '電話',
  '聯絡電話',
  '聯繫電話',
  '電話號碼',
];
export const PHONE_WORDS_EXTRA = [
  'phones',
  'phonenumbers',
  'mobiles',
  'mobilenumbers',
  'numbers',
  'telephone',
  'number',
  'msisdn',
  'landline',
  'homephone',
  'workphone',
  'fixed',
  '号码',
  '號碼',
  '联系方式',
  '聯絡方式',
  '座机',
  '固定电话',
  '固话',
  '座機',
  '家庭电话',
  '办公电话',
  '工作电话',
];

/** "phone", "phone1", "Phone 2", "mobile_3", "tel" ... → its order (0 for no digit), else undefined. */
export function phoneOrder(key: string): number | undefined {
  const m = /^(.*?)(\d*)$/u.exec(key);
  if (!m) return undefined;
  const [, word, digits] = m;
  if (!PHONE_WORDS.includes(word) && !PHONE_WORDS_EXTRA.includes(word)) return undefined;
  return digits ? Number(digits) : 1;
}

/**
 * The mapping the importer would choose by name alone (what planColumns does without `mapping`): the phone columns
 * in their order, and each other standard field from its synonyms; header texts as given. Nothing found: no key.
 */
export function suggestMapping(rawHeaders: string[]): ColumnMapping {
  const headers = rawHeaders.map((h) => (h ?? '').toString().trim());
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byKey.has(k)) byKey.set(k, i);
  });
  const taken = new Set<number>();
  const phones = headers
    .map((h, index) => ({ index, order: phoneOrder(headerKey(h)) }))
    .filter((p): p is { index: number; order: number } => p.order !== undefined)
    .sort((a, b) => a.order - b.order || a.index - b.index);
  const out: ColumnMapping = {};
  if (phones.length) out.phone = phones.map((p) => headers[p.index]);
  for (const p of phones) taken.add(p.index);
  for (const [target, words] of Object.entries(SYNONYMS) as [Exclude<StandardTarget, 'phone'>, string[]][])
    for (const w of words) {
      const i = byKey.get(w);
      if (i !== undefined && !taken.has(i)) {
        out[target] = headers[i];
        taken.add(i);
        break;
      }
    }
  return out;
}
