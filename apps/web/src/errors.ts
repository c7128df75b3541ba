import i18n from './i18n';
import type { ApiError } from './api';
import { wordReason } from './server-reasons';

type Problem = NonNullable<ApiError['details']>[number];

const english = (): boolean => !i18n.language || i18n.language.startsWith('en');

/**
 * One field's reason in the page's language. The API words its reasons in English, and names the rule that failed
 * (`max`, `isEmail`…) with its limits: in English the API's own words are kept (they are often more specific), in
 * another language the rule is worded from the catalogue, and a rule without a catalogue entry keeps the API's words.
 */
export function reasonText(d: Problem): string {
  if (english()) return d.reason;
  // a reason whose own wording the catalogue knows (an E.164 number, a time, a date...) is worded from it
  const worded = wordReason(d.reason, i18n.t);
  if (worded !== d.reason) return worded;
  if (!d.rule) return d.reason;
  const key = `validation.${d.rule}`;
  if (!i18n.exists(key)) return d.reason;
  const [a, b] = d.args ?? [];
  return i18n.t(key, { a, b, reason: d.reason });
}

/** The error's summary in the page's language: the code's wording, then the API's own message when it adds to it. */
export function messageText(e: ApiError): string {
  if (english()) return e.message;
  const key = `apiErrors.${e.error}`;
  if (!i18n.exists(key)) return e.message;
  const said = i18n.t(key);
  return e.error === 'validation-failed' ? said : `${said}（${e.message}）`;
}
