import cube, { type Query } from '@cubejs-client/core';
import { httpClient } from '../../../providers/http-client';
import { API_URL } from '../../../providers/data-provider';
import { getToken } from '../../../providers/session';

interface AnalyticsToken {
  token: string;
  apiUrl: string;
}

interface CachedToken {
  token: string;
  apiUrl: string;
  expiresAt: number;
  /** The sign-in it was issued for: another user in the same tab never reuses it. */
  session: string | null;
}

let cached: CachedToken | null = null;
/** One request for a token however many charts ask at once (the R-1 page asks 16). */
let pending: Promise<CachedToken> | null = null;

const expiryOf = (jwt: string): number => {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return payload.exp ? payload.exp * 1000 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/** The API issues a short-lived Cube JWT carrying the caller's role and region. */
const analyticsToken = async (force = false): Promise<CachedToken> => {
  const session = getToken();
  if (!force && cached && cached.session === session && cached.expiresAt - 30_000 > Date.now()) return cached;
  if (!force && pending) return pending;
  const request = (async () => {
    // The API client adds the bearer token; a failure rejects with the server's message and statusCode.
    const { token, apiUrl } = (await httpClient.get<AnalyticsToken>(`${API_URL}/analytics/token`)).data;
    return (cached = { token, apiUrl: apiUrl || '/cubejs-api/v1', expiresAt: expiryOf(token), session });
  })();
  pending = request;
  try {
    return await request;
  } finally {
    if (pending === request) pending = null;
  }
};

const isAuthError = (error: unknown) => {
  const status = (error as { status?: number; statusCode?: number })?.statusCode ?? (error as { status?: number })?.status;
  return status === 401 || status === 403;
};

/** Runs a Cube query; Cube's "Continue wait" is polled by the client, a rejected token is renewed once. */
export const loadCube = async (query: Query) => {
  const run = async (force: boolean) => {
    const { apiUrl } = await analyticsToken(force);
    const api = cube(async () => (await analyticsToken()).token, { apiUrl, pollInterval: 2 });
    return api.load(query);
  };
  try {
    return await run(false);
  } catch (error) {
    if (!isAuthError(error)) throw error;
    cached = null;
    return run(true);
  }
};
