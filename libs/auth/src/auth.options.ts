export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  secret: string;
  ttlSeconds: number;
}
