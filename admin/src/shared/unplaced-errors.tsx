import { useState } from 'react';
import type { HttpError } from '@refinedev/core';
import { Alert } from 'antd';

/**
 * Refine puts `HttpError.errors` on the matching form fields; an error whose path has no field on
 * screen (a hidden or read-only field) would vanish, so list those above the form.
 */
export const useUnplacedErrors = () => {
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const onMutationError = (error: HttpError) => {
    const entries = Object.entries(error.errors ?? {});
    setUnplaced(
      entries
        .filter(([path]) => !document.getElementById(path.replace(/\./g, '_')))
        .map(([path, message]) => `${path}: ${Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : JSON.stringify(message)}`),
    );
  };
  const alert =
    unplaced.length > 0 ? (
      <Alert type="error" showIcon style={{ marginBottom: 16 }} message={unplaced.join('；')} data-testid="unplaced-errors" />
    ) : null;
  return { onMutationError, onMutationSuccess: () => setUnplaced([]), alert };
};
