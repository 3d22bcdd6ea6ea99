/**
 * M-8: the default card fee in fen (1 RMB = 100 fen), new card or replacement. 20 RMB unless the
 * environment sets CARD_FEE_FEN (a positive whole number of fen, e.g. CARD_FEE_FEN=3000 for
 * 30 RMB). The club manager can change the fee itself in the club settings
 * (settings/settings.service.ts), which use this as the default.
 */
export function cardFeeFen(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CARD_FEE_FEN?.trim();
  if (!raw) return 2000;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) <= 0) throw new Error(`CARD_FEE_FEN must be a positive whole number of fen, got "${raw}"`);
  return Number(raw);
}
