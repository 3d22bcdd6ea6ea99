import * as z from 'zod';
import { isoDate, text } from '../common/validation.js';

export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export const AUDIENCES = ['MEMBERS', 'PROSPECTS', 'SUPPLIERS'] as const;

const id = z.number().int().positive().max(2_147_483_647);
/** Money in fen (1 RMB = 100 fen), up to 20 million RMB a line. */
const fen = z.number().int().min(0).max(2_000_000_000);
const people = z.number().int().min(0).max(1_000_000);
const departments = z.array(text(50).min(1)).max(20).default([]);
/** Figures or short texts by name: the member characteristics, the group plan's goals. */
const figures = z.record(z.string().max(100), z.union([z.number(), text(500), z.boolean()])).refine((r) => Object.keys(r).length <= 100, { params: { key: 'errors.tooMany', max: 100 } });

const endsAfterStart = <T extends { startsOn: Date; endsOn: Date }>(v: T) => v.endsOn >= v.startsOn;
const endsAfterStartMsg = { path: ['endsOn'], params: { key: 'activities.endsBeforeStart' } };

export const BudgetLineInput = z.strictObject({ item: text(200).min(1), amountFen: fen });

const plannedActivityShape = {
  name: text(200).min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  expectedParticipants: people,
  departments,
  brand: z.boolean().default(false),
  budgetLines: z.array(BudgetLineInput).max(50).default([]),
};

/** an activity of the annual plan (name or idea, schedule, expected participants, budget by line). */
export const PlannedActivityInput = z.strictObject(plannedActivityShape).refine(endsAfterStart, endsAfterStartMsg);
/** In an adjustment: an existing activity names its id; one without is added. */
export const AdjustedActivityInput = z.strictObject({ id: id.optional(), ...plannedActivityShape }).refine(endsAfterStart, endsAfterStartMsg);

const planShape = {
  title: text(200).min(1),
  lastYearFixes: text(4000).min(1),
  memberSummary: text(4000).min(1),
  memberFigures: figures.optional(),
  goals: figures.optional(),
  activities: z.array(PlannedActivityInput).max(200),
};

/** the annual activity plan of a region, or of the group club (regionCode null). */
export const PlanInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** The group club may write a region's plan or its own (null); a regional club only its own. */
  regionCode: z.string().max(16).nullable().optional(),
  ...planShape,
});
export type PlanInput = z.output<typeof PlanInput>;
export const PlanUpdateInput = z.strictObject(planShape).partial();
export type PlanUpdateInput = z.output<typeof PlanUpdateInput>;

export const AdjustmentInput = z.strictObject({ reason: text(1000).min(1), activities: z.array(AdjustedActivityInput).max(200) });
export type AdjustmentInput = z.output<typeof AdjustmentInput>;

export const ImplementationBudgetLineInput = z.strictObject({ item: text(200).min(1), budgetFen: fen, sharedBy: z.array(text(50).min(1)).max(10).default([]) });

const implementationShape = {
  name: text(200).min(1),
  theme: text(500).min(1),
  audiences: z.array(z.enum(AUDIENCES)).min(1).max(3),
  place: text(200).min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  expectedParticipants: people,
  departments,
  brand: z.boolean().default(false),
  staffRoles: z.array(z.strictObject({ role: text(100).min(1), name: text(50).min(1) })).max(50).default([]),
  announcementDates: z.array(isoDate).max(20).default([]),
  budgetLines: z.array(ImplementationBudgetLineInput).min(1).max(50),
};

/** the implementation plan of a planned activity, or of an unplanned one. */
export const ImplementationPlanInput = z
  .strictObject({
    plannedActivityId: id.optional(),
    unplanned: z.boolean().default(false),
    /** For an unplanned activity of a group user: the region it is for (null: the group's own). */
    regionCode: z.string().max(16).nullable().optional(),
    ...implementationShape,
  })
  .refine(endsAfterStart, endsAfterStartMsg)
  .refine((v) => v.plannedActivityId !== undefined || v.unplanned, { path: ['plannedActivityId'], params: { key: 'activities.plannedOrUnplanned' } });
export type ImplementationPlanInput = z.output<typeof ImplementationPlanInput>;

export const ImplementationPlanUpdateInput = z.strictObject({ ...implementationShape, unplanned: z.boolean() }).partial();
export type ImplementationPlanUpdateInput = z.output<typeof ImplementationPlanUpdateInput>;

/** actual cost by budget line (position as in the plan). */
export const ActualCostInput = z.strictObject({ lines: z.array(z.strictObject({ position: z.number().int().min(1).max(50), actualFen: fen })).min(1).max(50) });
export type ActualCostInput = z.output<typeof ActualCostInput>;
