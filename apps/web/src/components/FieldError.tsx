import type { ApiError } from '../api';
import { messageText, reasonText } from '../errors';

/** The API's reason for one field (`details[{field, reason}]` of a 400/422), shown next to that field. */
export function fieldReason(error: ApiError | null | undefined, field: string): string | undefined {
  const d = error?.details?.find(
    (x) => x.field === field || x.field.startsWith(field + '.') || x.field.startsWith(field + '['),
  );
  return d ? reasonText(d) : undefined;
}

/**
 * Put it right after an input, with the input's `aria-describedby` set to `${id}-error` (see `describedBy`): screen
 * readers read the reason with the field.
 */
export function FieldError(p: { id: string; error: ApiError | null | undefined; field: string }) {
  const reason = fieldReason(p.error, p.field);
  if (!reason) return null;
  return (
    <span className="field-error" id={`${p.id}-error`} role="alert" data-field-error={p.field}>
      {reason}
    </span>
  );
}

/** Props for an input whose field may carry an API error. */
export function describedBy(id: string, error: ApiError | null | undefined, field: string) {
  const bad = Boolean(fieldReason(error, field));
  return { id, 'aria-invalid': bad || undefined, 'aria-describedby': bad ? `${id}-error` : undefined };
}

/** The error's message and the details that no field on the form shows. */
export function FormError(p: { error: ApiError | null | undefined; shownFields?: string[] }) {
  if (!p.error) return null;
  const rest = (p.error.details ?? []).filter(
    (d) =>
      !(p.shownFields ?? []).some((f) => d.field === f || d.field.startsWith(f + '.') || d.field.startsWith(f + '[')),
  );
  return (
    <div className="form-error" role="alert">
      <p>{messageText(p.error)}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((d) => (
            <li key={d.field + d.reason}>
              <code>{d.field}</code>: {reasonText(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
