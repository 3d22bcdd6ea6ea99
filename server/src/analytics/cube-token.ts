import { jwtVerify, type JWTPayload } from 'jose';
import { lifetimeOk, sessionClaims, type AuthService } from '../auth/auth.service.js';
import type { AppConfig } from '../config/app-config.js';
import { ALL_REGIONS } from './analytics.controller.js';

/**
 * What the Cube proxy asks before forwarding: a Cube token (AnalyticsController.token) with a
 * valid signature, an expiry no further than `cubeTokenSeconds` from its issue, and a session
 * that is still open for a user who is active, with the session version, role and region the
 * token was issued with. A deactivation or sign-out thus ends Cube access as fast as API access.
 */
export function cubeTokenVerifier(config: AppConfig, auth: AuthService): (token: string) => Promise<boolean> {
  const key = new TextEncoder().encode(config.cubeApiSecret);
  const maxSeconds = config.cubeTokenSeconds ?? 300;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp', 'iat'] }));
    } catch {
      return false;
    }
    if (!lifetimeOk(payload, maxSeconds)) return false;
    const claims = sessionClaims(payload, 'userId');
    if (!claims) return false;
    const user = await auth.sessionUser(claims);
    if (!user) return false;
    return payload.role === user.role && payload.region === (user.regionCode ?? ALL_REGIONS);
  };
}
