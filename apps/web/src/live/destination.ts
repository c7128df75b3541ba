// Where an inbound caller goes: the `to` of POST /api/agent/inbound/transfer and /consult.

export type DestinationKind = 'agent' | 'queue' | 'number';
export const KINDS: DestinationKind[] = ['agent', 'queue', 'number'];
export const E164 = /^\+[1-9]\d{6,14}$/;

/** The `to` of a transfer or consultation: `agent:<id>`, `queue:<id>` or `number:<e164>`; null while incomplete. */
export function destination(kind: DestinationKind, target: string): string | null {
  const v = target.trim();
  if (!v) return null;
  if (kind === 'number') return E164.test(v) ? `number:${v}` : null;
  return `${kind}:${v}`;
}
