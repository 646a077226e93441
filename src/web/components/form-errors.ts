// Puts the API's field-level details on the form fields they name; returns whether any field matched.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.')),
  );
  const fields = error.details.filter((d) => known.has(d.path)).map((d) => ({ name: d.path.split('.'), errors: [d.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
