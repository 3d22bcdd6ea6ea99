import * as z from 'zod';
import { isoDate, optionalText, text } from '../common/validation.js';

export const MERCHANT_PIPELINES = ['ACTIVE', 'PASSIVE'] as const;
export const MERCHANT_STAGES = ['INFORMATION', 'NEGOTIATION', 'SIGNING'] as const;
export const MERCHANT_STATUSES = ['PROSPECT', 'ACTIVE', 'ENDED'] as const;
export const OFFER_CHANGE_KINDS = ['PRICE_INCREASE', 'WITHDRAWAL', 'PRICE_DECREASE'] as const;
export const VISIT_METHODS = ['SITE', 'PHONE'] as const;
/** B-3: what a merchant reports when it changes. */
export const REPORTED_FIELDS = ['representative', 'contact', 'address', 'phone', 'fax', 'products'] as const;

const required = (max: number) => text(max).min(1);

/** B-1 admission checklist. */
const checklist = {
  reputationOk: z.boolean().default(false),
  licencesComplete: z.boolean().default(false),
  noMajorIncident3y: z.boolean().default(false),
  noSeriousComplaint1y: z.boolean().default(false),
  nearCommunities: z.boolean().default(false),
  supportsCulture: z.boolean().default(false),
  fitsResources: z.boolean().default(false),
};

/** B-2: a new merchant starts its pipeline at the first step (information if the club approaches, negotiation if it applies). */
export const MerchantCreateInput = z.strictObject({
  name: required(100),
  category: required(30),
  regionCode: required(16),
  pipeline: z.enum(MERCHANT_PIPELINES),
  address: optionalText(200),
  representative: optionalText(50),
  contact: optionalText(50),
  phone: optionalText(30),
  fax: optionalText(30),
  products: optionalText(500),
  /** The first step's notes and date. */
  notes: required(2000),
  on: isoDate,
  ...checklist,
});
export type MerchantCreateInput = z.output<typeof MerchantCreateInput>;

/**
 * The name, category and checklist; reported contact changes go through MerchantChangeInput. The
 * checklist without its defaults here, so a field left out keeps its value instead of turning false.
 */
export const MerchantUpdateInput = z
  .strictObject({ name: required(100), category: required(30), ...Object.fromEntries(Object.keys(checklist).map((k) => [k, z.boolean()])) as Record<keyof typeof checklist, z.ZodBoolean> })
  .partial();
export type MerchantUpdateInput = z.output<typeof MerchantUpdateInput>;

/** B-2: the next step of the pipeline, with its notes and date. */
export const MerchantStepInput = z.strictObject({ stage: z.enum(MERCHANT_STAGES), notes: required(2000), on: isoDate });
export type MerchantStepInput = z.output<typeof MerchantStepInput>;

/** B-3: a reported change of representative, contact, address, phone, fax or products. */
export const MerchantChangeInput = z.strictObject({
  reportedOn: isoDate,
  representative: optionalText(50).optional(),
  contact: optionalText(50).optional(),
  address: optionalText(200).optional(),
  phone: optionalText(30).optional(),
  fax: optionalText(30).optional(),
  products: optionalText(500).optional(),
});
export type MerchantChangeInput = z.output<typeof MerchantChangeInput>;

/** B-4 */
export const PlaqueInput = z.strictObject({ on: isoDate });
export type PlaqueInput = z.output<typeof PlaqueInput>;

/** B-3, appendix 1. */
export const AgreementCreateInput = z.strictObject({
  contractNo: required(40),
  clubParty: required(100),
  merchantParty: required(100),
  businessScope: required(500),
  discount: required(200),
  termYears: z.number().int().min(1).max(10),
  startOn: isoDate,
  endOn: isoDate,
  clubAddress: required(200),
  merchantAddress: required(200),
  clubRepresentative: required(50),
  merchantRepresentative: required(50),
  clubContact: required(50),
  merchantContact: required(50),
  clubPhone: required(30),
  merchantPhone: required(30),
  clubFax: optionalText(30),
  merchantFax: optionalText(30),
});
export type AgreementCreateInput = z.output<typeof AgreementCreateInput>;

/** B-3: either side objects to the automatic renewal. */
export const ObjectionInput = z.strictObject({ by: z.enum(['CLUB', 'MERCHANT']), on: isoDate, notes: optionalText(1000) });
export type ObjectionInput = z.output<typeof ObjectionInput>;

/** B-3: an offer change the merchant notifies in writing. */
export const OfferChangeInput = z.strictObject({ kind: z.enum(OFFER_CHANGE_KINDS), description: required(1000), noticeOn: isoDate, effectiveOn: isoDate });
export type OfferChangeInput = z.output<typeof OfferChangeInput>;

export const ConsentInput = z.strictObject({ on: isoDate });
export type ConsentInput = z.output<typeof ConsentInput>;

/** B-5 */
export const VisitCreateInput = z.strictObject({
  visitedOn: isoDate,
  method: z.enum(VISIT_METHODS),
  visitor: required(50),
  covered: required(2000),
  pricesObserved: optionalText(1000),
  serviceObserved: optionalText(1000),
  memberFeedback: optionalText(1000),
});
export type VisitCreateInput = z.output<typeof VisitCreateInput>;
