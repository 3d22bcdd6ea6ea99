import type { CurrentUser } from './current-user.js';

/**
 * Seed 001: a regional club sees and changes only its own region; the group club sees all.
 * Records outside the caller's region answer 404, as if they did not exist.
 */
export function regionFilter(user: CurrentUser): { regionCode?: string } {
  return user.regionCode ? { regionCode: user.regionCode } : {};
}

/** For tables that reach the region through their project. */
export function projectRegionFilter(user: CurrentUser): { project?: { regionCode: string } } {
  return user.regionCode ? { project: { regionCode: user.regionCode } } : {};
}
