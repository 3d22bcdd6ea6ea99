import type { HttpError } from '@refinedev/core';
import type { QueryClientConfig } from '@tanstack/react-query';

/**
 * React Query's retry for every read of the admin: a 4xx (not found, another region's, forbidden,
 * bad input) is the answer and is shown at once; only a network failure or a 5xx is tried again,
 * twice. A query that needs otherwise says so in its own options.
 */
export const retryUnless4xx = (failures: number, error: unknown): boolean => {
  const status = (error as HttpError | undefined)?.statusCode ?? 0;
  return !(status >= 400 && status < 500) && failures < 2;
};

/** Refine's `options.reactQuery.clientConfig` (a constant: Refine builds its QueryClient from it once). */
export const queryClientConfig: QueryClientConfig = { defaultOptions: { queries: { retry: retryUnless4xx } } };
