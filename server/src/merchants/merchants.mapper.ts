// Response shapes of the merchants feature. Merchants' data is business data (no member's personal data).
import type { Prisma } from '../generated/prisma/client.js';
import { isoDay } from '../workbench/periods.js';
import { agreementTerm, earliestEffective, needsNoticeAndConsent, nextStage, offerChangeInEffect } from './merchants.rules.js';

type MerchantRow = Prisma.MerchantGetPayload<object>;

export function toMerchant(m: MerchantRow) {
  return {
    id: m.id,
    name: m.name,
    category: m.category,
    regionCode: m.regionCode,
    pipeline: m.pipeline,
    stage: m.stage,
    nextStage: m.status === 'PROSPECT' ? nextStage(m.pipeline, m.stage) : null,
    status: m.status,
    address: m.address,
    representative: m.representative,
    contact: m.contact,
    phone: m.phone,
    fax: m.fax,
    products: m.products,
    checklist: {
      reputationOk: m.reputationOk,
      licencesComplete: m.licencesComplete,
      noMajorIncident3y: m.noMajorIncident3y,
      noSeriousComplaint1y: m.noSeriousComplaint1y,
      nearCommunities: m.nearCommunities,
      supportsCulture: m.supportsCulture,
      fitsResources: m.fitsResources,
    },
    plaqueIssuedOn: isoDay(m.plaqueIssuedOn),
    plaqueWithdrawnOn: isoDay(m.plaqueWithdrawnOn),
    signedOn: isoDay(m.signedOn),
    createdAt: m.createdAt.toISOString(),
  };
}
export type MerchantResponse = ReturnType<typeof toMerchant>;

export function toStep(s: Prisma.MerchantStepGetPayload<object>) {
  return { id: s.id, stage: s.stage, on: isoDay(s.on), notes: s.notes, createdAt: s.createdAt.toISOString() };
}

export function toChange(c: Prisma.MerchantChangeGetPayload<object>) {
  return { id: c.id, field: c.field, oldValue: c.oldValue, newValue: c.newValue, reportedOn: isoDay(c.reportedOn), createdAt: c.createdAt.toISOString() };
}

export function toOfferChange(c: Prisma.MerchantOfferChangeGetPayload<object>, today: Date) {
  return {
    id: c.id,
    kind: c.kind,
    description: c.description,
    noticeOn: isoDay(c.noticeOn),
    effectiveOn: isoDay(c.effectiveOn),
    needsConsent: needsNoticeAndConsent(c.kind),
    earliestEffectiveOn: needsNoticeAndConsent(c.kind) ? isoDay(earliestEffective(c.noticeOn)) : null,
    consentOn: isoDay(c.consentOn),
    inEffect: offerChangeInEffect(c, today),
  };
}

export function toAgreement(a: Prisma.MerchantAgreementGetPayload<{ include: { merchant: true; offerChanges: true } }>, today: Date) {
  const term = agreementTerm(a, today);
  return {
    id: a.id,
    contractNo: a.contractNo,
    merchantId: a.merchantId,
    merchantName: a.merchant.name,
    regionCode: a.merchant.regionCode,
    clubParty: a.clubParty,
    merchantParty: a.merchantParty,
    businessScope: a.businessScope,
    discount: a.discount,
    termYears: a.termYears,
    startOn: isoDay(a.startOn),
    endOn: isoDay(a.endOn),
    clubAddress: a.clubAddress,
    merchantAddress: a.merchantAddress,
    clubRepresentative: a.clubRepresentative,
    merchantRepresentative: a.merchantRepresentative,
    clubContact: a.clubContact,
    merchantContact: a.merchantContact,
    clubPhone: a.clubPhone,
    merchantPhone: a.merchantPhone,
    clubFax: a.clubFax,
    merchantFax: a.merchantFax,
    state: term.state,
    currentEndOn: isoDay(term.currentEndOn),
    objectedBy: a.objectedBy,
    objectedOn: isoDay(a.objectedOn),
    objectionNotes: a.objectionNotes,
    offerChanges: a.offerChanges.sort((x, y) => x.id - y.id).map((c) => toOfferChange(c, today)),
  };
}
export type AgreementResponse = ReturnType<typeof toAgreement>;

export function toVisit(v: Prisma.MerchantVisitGetPayload<{ include: { merchant: true } }>) {
  return {
    id: v.id,
    merchantId: v.merchantId,
    merchantName: v.merchant.name,
    visitedOn: isoDay(v.visitedOn),
    method: v.method,
    visitor: v.visitor,
    covered: v.covered,
    pricesObserved: v.pricesObserved,
    serviceObserved: v.serviceObserved,
    memberFeedback: v.memberFeedback,
  };
}
