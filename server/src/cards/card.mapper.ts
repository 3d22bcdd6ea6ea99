import { maskPhone } from '../common/masking.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day, unitLabel } from '../members/member.mapper.js';

/** Response shapes of cards, ranges, requests and fees; phones are masked here (M-11). */

export const cardInclude = {
  member: {
    select: {
      id: true,
      name: true,
      mobile: true,
      regionCode: true,
      projectId: true,
      status: true,
      project: { select: { name: true, code: true } },
      building: { select: { name: true } },
      unit: { select: { number: true } },
      application: { select: { id: true, documents: { where: { kind: 'PHOTO' }, select: { id: true }, take: 1, orderBy: { id: 'desc' } } } },
    },
  },
  range: { select: { id: true, prefix: true, channel: true } },
  replaces: { select: { id: true, cardNo: true } },
  replacedBy: { select: { id: true, cardNo: true } },
} satisfies Prisma.CardInclude;

export type CardRow = Prisma.CardGetPayload<{ include: typeof cardInclude }>;

export function toCard(c: CardRow, unmasked: boolean) {
  return {
    id: c.id,
    cardNo: c.cardNo,
    status: c.status,
    memberId: c.memberId,
    memberName: c.member.name,
    memberMobile: unmasked ? c.member.mobile : maskPhone(c.member.mobile),
    householdId: c.householdId,
    projectId: c.member.projectId,
    projectName: c.member.project.name,
    projectCode: c.member.project.code,
    unitLabel: unitLabel(c.member.building.name, c.member.unit.number),
    regionCode: c.member.regionCode,
    rangeId: c.rangeId,
    rangePrefix: c.range.prefix,
    channel: c.range.channel,
    replacesCardId: c.replaces?.id ?? null,
    replacesCardNo: c.replaces?.cardNo ?? null,
    replacedByCardId: c.replacedBy?.id ?? null,
    replacedByCardNo: c.replacedBy?.cardNo ?? null,
    readyOn: day(c.readyOn),
    ownerPhonedAt: c.ownerPhonedAt?.toISOString() ?? null,
    issuedOn: day(c.issuedOn),
    collectorName: c.collectorName,
    collectorPhone: unmasked ? c.collectorPhone : maskPhone(c.collectorPhone),
    collectorSigned: c.collectorSigned,
    collectorIdChecked: c.collectorIdChecked,
    issuedById: c.issuedById,
    voidedAt: c.voidedAt?.toISOString() ?? null,
    voidReason: c.voidReason,
    /** The applicant's photo (application document), when the card came through an application. */
    photoDocumentId: c.member.application?.documents[0]?.id ?? null,
    applicationId: c.member.application?.id ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** One line of the appendix-4 issue record. */
export function toIssueRecordLine(c: CardRow, unmasked: boolean) {
  return {
    id: c.id,
    cardNo: c.cardNo,
    status: c.status,
    projectName: c.member.project.name,
    unitLabel: unitLabel(c.member.building.name, c.member.unit.number),
    holderName: c.member.name,
    holderPhone: unmasked ? c.member.mobile : maskPhone(c.member.mobile),
    readyOn: day(c.readyOn),
    ownerPhonedAt: c.ownerPhonedAt?.toISOString() ?? null,
    issuedOn: day(c.issuedOn),
    collectorName: c.collectorName,
    collectorSigned: c.collectorSigned,
    collectorIdChecked: c.collectorIdChecked,
  };
}

type RangeRow = Prisma.CardRangeGetPayload<object>;

export function toRange(r: RangeRow, projectName: string | null) {
  const used = r.nextNo - r.fromNo;
  return {
    id: r.id,
    prefix: r.prefix,
    fromNo: r.fromNo,
    toNo: r.toNo,
    nextNo: r.nextNo,
    digits: r.digits,
    used,
    remaining: r.toNo + 1 - r.nextNo,
    firstCardNo: `${r.prefix}${String(r.fromNo).padStart(r.digits, '0')}`,
    lastCardNo: `${r.prefix}${String(r.toNo).padStart(r.digits, '0')}`,
    projectId: r.projectId,
    projectName,
    channel: r.channel,
    active: r.active,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A reissue request with the card it replaces (and its member) and the new card's number. */
export const reissueInclude = {
  card: { include: cardInclude },
  newCard: { select: { cardNo: true } },
} satisfies Prisma.CardReissueRequestInclude;

export function toReissueRequest(r: Prisma.CardReissueRequestGetPayload<{ include: typeof reissueInclude }>, unmasked: boolean) {
  const card = r.card;
  const newCardNo = r.newCard?.cardNo ?? null;
  return {
    id: r.id,
    cardId: r.cardId,
    cardNo: card?.cardNo ?? null,
    cardStatus: card?.status ?? null,
    memberId: card?.memberId ?? null,
    memberName: card?.member.name ?? null,
    memberMobile: card ? (unmasked ? card.member.mobile : maskPhone(card.member.mobile)) : null,
    projectName: card?.member.project.name ?? null,
    unitLabel: card ? unitLabel(card.member.building.name, card.member.unit.number) : null,
    reason: r.reason,
    note: r.note,
    requestedOn: day(r.requestedOn),
    status: r.status,
    reviewedById: r.reviewedById,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    newCardId: r.newCardId,
    newCardNo,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
  };
}

export const exceptionInclude = {
  household: {
    select: {
      id: true,
      cardLimit: true,
      activeCards: true,
      project: { select: { name: true, regionCode: true } },
      unit: { select: { number: true, building: { select: { name: true } } } },
      owners: { select: { name: true }, orderBy: { id: 'asc' }, take: 1 },
    },
  },
} satisfies Prisma.CardLimitExceptionInclude;
type ExceptionRow = Prisma.CardLimitExceptionGetPayload<{ include: typeof exceptionInclude }>;

export function toException(e: ExceptionRow) {
  return {
    id: e.id,
    householdId: e.householdId,
    projectName: e.household.project.name,
    unitLabel: unitLabel(e.household.unit.building.name, e.household.unit.number),
    ownerName: e.household.owners[0]?.name ?? null,
    cardLimit: e.household.cardLimit,
    activeCards: e.household.activeCards,
    reason: e.reason,
    requestedById: e.requestedById,
    requestedAt: e.requestedAt.toISOString(),
    managerDecisionById: e.managerDecisionById,
    managerDecisionAt: e.managerDecisionAt?.toISOString() ?? null,
    leaderDecisionById: e.leaderDecisionById,
    leaderDecisionAt: e.leaderDecisionAt?.toISOString() ?? null,
    status: e.status,
    decisionNote: e.decisionNote,
  };
}
