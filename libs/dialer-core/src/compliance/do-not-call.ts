export type DncScope =
  { kind: 'global' } | { kind: 'department'; departmentId: string } | { kind: 'campaign'; campaignId: string };

export interface DncEntry {
  /** E.164. */
  phone: string;
  scope: DncScope;
  /** Epoch ms; absent = forever. The entry no longer applies at or after this instant. */
  expiresAt?: number;
  addedAt?: number;
}

export interface DncContext {
  departmentId: string;
  campaignId: string;
}

function applies(entry: DncEntry, ctx: DncContext): boolean {
  switch (entry.scope.kind) {
    case 'global':
      return true;
    case 'department':
      return entry.scope.departmentId === ctx.departmentId;
    case 'campaign':
      return entry.scope.campaignId === ctx.campaignId;
  }
}

/** True when any unexpired entry for this number covers the campaign (globally, its department, or itself). */
export function isDoNotCall(entries: readonly DncEntry[], phone: string, ctx: DncContext, now: number): boolean {
  return entries.some((e) => e.phone === phone && (e.expiresAt == null || now < e.expiresAt) && applies(e, ctx));
}

/** A predicate over an indexed list, for callers that check many numbers against the same entries. */
export function doNotCallPredicate(
  entries: readonly DncEntry[],
  ctx: DncContext,
): (phone: string, now: number) => boolean {
  const byPhone = new Map<string, DncEntry[]>();
  for (const e of entries) {
    if (!applies(e, ctx)) continue;
    const list = byPhone.get(e.phone) ?? [];
    list.push(e);
    byPhone.set(e.phone, list);
  }
  return (phone, now) => (byPhone.get(phone) ?? []).some((e) => e.expiresAt == null || now < e.expiresAt);
}
