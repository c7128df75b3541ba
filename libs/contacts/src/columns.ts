import { AppError } from '@app/common';
import {
  headerKey,
  phoneOrder,
  STANDARD_TARGETS,
  SYNONYMS,
  type ColumnMapping,
  type StandardTarget,
} from './column-words';

export { headerKey, suggestMapping, STANDARD_TARGETS, type ColumnMapping, type StandardTarget } from './column-words';

/** Custom columns with a well-known meaning get a well-known key (used in {{field}} placeholders). */
const CUSTOM_KEYS: Record<string, string> = {
  邮箱: 'email',
  电子邮箱: 'email',
  电子邮件: 'email',
  邮件: 'email',
  郵箱: 'email',
  電子郵件: 'email',
  地址: 'address',
  联系地址: 'address',
  地址信息: 'address',
  備註: 'note',
  备注: 'note',
  公司: 'company',
  公司名称: 'company',
  性别: 'gender',
  性別: 'gender',
  年龄: 'age',
  年齡: 'age',
  城市: 'city',
  省份: 'province',
};

export interface CustomColumn {
  index: number;
  /** snake_case key in contacts.fields and in {{field}} placeholders. */
  key: string;
  header: string;
}

export interface ColumnPlan {
  headers: string[];
  phones: { index: number; label: string }[];
  firstName?: number;
  lastName?: number;
  name?: number;
  externalId?: number;
  timeZone?: number;
  segment?: number;
  region?: number;
  custom: CustomColumn[];
  /** target → header, to show in the import summary. */
  used: Record<string, string | string[]>;
}

/**
 * The key a custom column is stored under: "Account Balance (EUR)" → account_balance_eur; letters of any script are
 * kept ("客户等级" → 客户等级), a few well-known Chinese headers get English keys ("邮箱" → email).
 */
export const fieldKey = (header: string): string =>
  CUSTOM_KEYS[headerKey(header)] ??
  (header
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64) ||
    'column');

/**
 * Decides which column holds what, from the mapping when given, else by header name. Throws `validation-failed`
 * naming the missing phone column (or the unknown mapped header) and listing the headers found.
 */
export function planColumns(rawHeaders: string[], mapping?: ColumnMapping | null): ColumnPlan {
  const headers = rawHeaders.map((h) => (h ?? '').toString().trim());
  const found = headers.filter(Boolean).join(', ') || '(none)';
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byKey.has(k)) byKey.set(k, i);
  });
  const plan: ColumnPlan = { headers, phones: [], custom: [], used: {} };
  const taken = new Set<number>();
  const problems: { field: string; reason: string }[] = [];

  const lookup = (target: string, header: string): number | undefined => {
    const exact = headers.indexOf(header.trim());
    const i = byKey.get(headerKey(header)) ?? (exact >= 0 ? exact : undefined);
    if (i === undefined)
      problems.push({ field: `mapping.${target}`, reason: `no column "${header}"; headers found: ${found}` });
    return i;
  };

  if (mapping) {
    for (const [target, value] of Object.entries(mapping)) {
      if (value === undefined || value === null) continue;
      if (!(STANDARD_TARGETS as readonly string[]).includes(target)) {
        problems.push({
          field: `mapping.${target}`,
          reason: `unknown target; use one of ${STANDARD_TARGETS.join(', ')}`,
        });
        continue;
      }
      if (target === 'phone') {
        for (const h of Array.isArray(value) ? value : [value]) {
          const i = lookup('phone', String(h));
          if (i !== undefined) {
            plan.phones.push({ index: i, label: fieldKey(headers[i]) });
            taken.add(i);
          }
        }
      } else {
        const i = lookup(target, String(value));
        if (i !== undefined) {
          plan[target as Exclude<StandardTarget, 'phone'>] = i;
          taken.add(i);
        }
      }
    }
  }
  if (problems.length) throw new AppError('validation-failed', 'the column mapping does not match the file', problems);

  // Whatever the mapping left open is detected by name.
  if (!mapping?.phone) {
    const phones = headers
      .map((h, index) => ({ index, order: taken.has(index) ? undefined : phoneOrder(headerKey(h)) }))
      .filter((p): p is { index: number; order: number } => p.order !== undefined)
      .sort((a, b) => a.order - b.order || a.index - b.index);
    for (const p of phones) {
      plan.phones.push({ index: p.index, label: fieldKey(headers[p.index]) });
      taken.add(p.index);
    }
  }
  for (const [target, words] of Object.entries(SYNONYMS) as [Exclude<StandardTarget, 'phone'>, string[]][]) {
    if (plan[target] !== undefined) continue;
    for (const w of words) {
      const i = byKey.get(w);
      if (i !== undefined && !taken.has(i)) {
        plan[target] = i;
        taken.add(i);
        break;
      }
    }
  }
  if (!plan.phones.length)
    throw new AppError('validation-failed', `no phone column found; headers found: ${found}`, [
      {
        field: 'phone',
        reason: `missing: name a column phone, phone1..phoneN, mobile, tel, 电话 or 手机, or map one with mapping.phone; headers found: ${found}`,
      },
    ]);
  const keys = new Set<string>();
  headers.forEach((header, index) => {
    if (taken.has(index) || !header) return;
    let key = fieldKey(header);
    for (let n = 2; keys.has(key); n++) key = `${fieldKey(header)}_${n}`;
    keys.add(key);
    plan.custom.push({ index, key, header });
  });
  plan.used.phone = plan.phones.map((p) => headers[p.index]);
  for (const t of STANDARD_TARGETS) {
    const i = t === 'phone' ? undefined : plan[t];
    if (i !== undefined) plan.used[t] = headers[i];
  }
  return plan;
}

/** Several numbers in one cell: "0740 0123456; 020 7946 0018" or "a | b" or "a, b" or "a / b". */
export const splitNumbers = (cell: string): string[] =>
  cell
    .split(/[;,|\n]+|\s\/\s/)
    .map((s) => s.trim())
    .filter(Boolean);
