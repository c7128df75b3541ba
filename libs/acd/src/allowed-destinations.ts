/**
 * A department's allowed external destinations: E.164 prefixes, `X` standing for any one digit (`+4420`,
 * `+336XXXXXXXX`). A number is allowed when one entry matches its beginning; an empty list allows nothing.
 */
export const DESTINATION_PATTERN = /^\+[0-9X]{1,15}$/;

export function normalizeNumber(n: string): string {
  const digits = n.trim();
  return digits.startsWith('+') ? digits : `+${digits}`;
}

export function destinationAllowed(prefixes: readonly string[], number: string): boolean {
  const n = normalizeNumber(number);
  return prefixes.some((p) => {
    if (p.length > n.length) return false;
    for (let i = 0; i < p.length; i++) if (p[i] !== 'X' ? p[i] !== n[i] : !/[0-9]/.test(n[i])) return false;
    return true;
  });
}
