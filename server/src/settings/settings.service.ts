import { Inject, Injectable } from '@nestjs/common';
import * as z from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { validate } from '../common/validation.js';
import { PRISMA, type Db } from '../database/prisma.service.js';

/**
 * The club's numbers that domain.md calls defaults the club manager can change: the card fee
 * (M-8) and the M-6 deadlines in working days. A key without a row in club_settings has its
 * default here.
 */
export interface ClubSettings {
  /** M-8: the card fee in fen, new card or replacement. */
  cardFeeFen: number;
  /** M-6: the completeness check, working days after receipt. */
  completenessCheckDays: number;
  /** M-6: number and data entry, working days after the application is complete. */
  dataEntryDays: number;
  /** M-6: the card made, working days after the application is complete. */
  cardMadeDays: number;
  /** M-6: a member data change request is applied within this many working days. */
  changeRequestDays: number;
}

const days = z.number().int().min(1).max(60);

export const SettingsPatch = z
  .strictObject({
    // At least 1 fen: a fee that is not waived is never 0 (fee_entries_amount_check); newly launched projects are waived instead.
    cardFeeFen: z.number().int().min(1).max(100_000),
    completenessCheckDays: days,
    dataEntryDays: days,
    cardMadeDays: days,
    changeRequestDays: days,
  })
  .partial();
export type SettingsPatch = z.output<typeof SettingsPatch>;

const SETTING_KEYS = ['cardFeeFen', 'completenessCheckDays', 'dataEntryDays', 'cardMadeDays', 'changeRequestDays'] as const satisfies readonly (keyof ClubSettings)[];

/** The defaults; the default fee comes from the configuration (CARD_FEE_FEN, read once at start-up). */
function defaultSettings(config: Pick<AppConfig, 'cardFeeFen'>): ClubSettings {
  return { cardFeeFen: config.cardFeeFen, completenessCheckDays: 2, dataEntryDays: 3, cardMadeDays: 20, changeRequestDays: 1 };
}

const CACHE_MS = 30_000;

@Injectable()
export class SettingsService {
  private cache: { at: number; value: Promise<ClubSettings> } | null = null;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The current settings, cached for ~30 s (an update in this process clears the cache). */
  get(): Promise<ClubSettings> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.value;
    const value = this.load();
    this.cache = { at: Date.now(), value };
    value.catch(() => {
      if (this.cache?.value === value) this.cache = null;
    });
    return value;
  }

  private async load(): Promise<ClubSettings> {
    const settings = defaultSettings(this.config);
    const rows = await this.db.clubSetting.findMany({ where: { key: { in: [...SETTING_KEYS] } } });
    for (const row of rows) {
      const key = row.key as keyof ClubSettings;
      if (typeof row.value === 'number' && Number.isInteger(row.value)) settings[key] = row.value;
    }
    return settings;
  }

  /** Changes some settings (club manager); each changed key is audit-logged with old and new value. */
  async update(patch: unknown, ctx: RequestContext): Promise<ClubSettings> {
    const input = validate(SettingsPatch, patch);
    this.cache = null;
    const current = await this.load();
    await this.db.$transaction(async (tx) => {
      for (const key of SETTING_KEYS) {
        const next = input[key];
        if (next === undefined || next === current[key]) continue;
        await tx.clubSetting.upsert({ where: { key }, create: { key, value: next, updatedById: ctx.user.id }, update: { value: next, updatedById: ctx.user.id } });
        await this.audit.record(ctx, 'UPDATE', 'settings', key, { old: current[key], new: next }, tx);
      }
    });
    this.cache = null;
    return this.get();
  }
}
