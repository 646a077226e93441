// Puts the API's field-level details on the form fields they name; returns whether any field matched.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  // The form's own name paths, so list items keep their numeric indexes (sections.6.key → ['sections', 6, 'key']).
  const known = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name] as const));
  const fields = error.details.filter((d) => known.has(d.path)).map((d) => ({ name: known.get(d.path)!, errors: [d.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
