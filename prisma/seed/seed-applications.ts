// Demo data of the applications feature (M-4..M-6): applications received over the last weeks at
// the collection points, in every pre-approval state, with their M-6 deadlines counted in working
// days from the real calendar — so "my tasks" and the overdue flags have something to show.
// Applicants are spouses or adult children of owners of households with a free card place (M-3).
// Call after seedClub(); does nothing when applications already exist.
import type { ApplicationStatus, PrismaClient, Prisma } from '../../server/src/generated/prisma/client.ts';
import { WorkingDays, type DayKind } from '../../server/src/calendar/working-days.ts';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { fakerZH_CN as f, mobile, person, toPinyin } from './factories.ts';

const STATES = ['RECEIVED', 'RECEIVED', 'RECEIVED', 'INCOMPLETE', 'INCOMPLETE', 'COMPLETE', 'COMPLETE', 'VERIFIED', 'REJECTED'] as const;
const POINTS = ['MANAGEMENT_OFFICE', 'CLUBHOUSE', 'IN_PERSON', 'MAIL'] as const;
const ALL_DOCS = ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedApplications(db: PrismaClient, count = 36): Promise<{ applications: number }> {
  if ((await db.application.count()) > 0) return { applications: 0 };
  const officer = await db.staffUser.findFirst({ where: { username: 'officer' } });
  if (!officer) return { applications: 0 };
  const calendar = new WorkingDays(new Map((await db.calendarDay.findMany()).map((c) => [day(c.date), c.kind as DayKind])));
  const today = clubToday();
  const households = await db.household.findMany({
    where: { activeCards: { lt: 2 } },
    include: { owners: { take: 1, orderBy: { id: 'asc' } }, project: true },
    orderBy: { id: 'desc' },
    take: count,
  });

  const rows: Prisma.ApplicationCreateManyInput[] = [];
  households.forEach((h, i) => {
    const owner = h.owners[0];
    if (!owner) return;
    const status = STATES[i % STATES.length];
    const p = person(f, '1960-01-01', '2000-12-31');
    // Received 1–25 working days ago, so some deadlines have passed.
    const received = new Date(today);
    received.setUTCDate(received.getUTCDate() - (1 + ((i * 7) % 35)));
    const missing = status === 'INCOMPLETE' ? [ALL_DOCS[i % 4]] : [];
    const complete = status === 'COMPLETE' || status === 'VERIFIED' ? calendar.addWorkingDays(received, 1) : null;
    // M-6: completeness check 2 working days after receipt (chasing missing items: 2 more);
    // number and data entry 3 working days after a complete file.
    const dueOn =
      status === 'REJECTED' ? null : complete ? calendar.addWorkingDays(complete, 3) : calendar.addWorkingDays(received, status === 'INCOMPLETE' ? 4 : 2);
    const form = {
      relation: 'SPOUSE',
      title: p.sex === 'MALE' ? 'MR' : 'MRS',
      name: p.name,
      pinyin: toPinyin(p.name),
      sex: p.sex,
      birthDate: day(p.birthDate),
      idType: 'ID_CARD',
      idNumber: p.idNumber,
      mobile: mobile(f),
      nationality: '中国',
      maritalStatus: 'MARRIED',
      mailingAddress: 'HOME',
      joinReasons: ['ACTIVITIES'],
      hobbyIds: [1 + (i % 21)],
      signedOn: day(received),
    };
    rows.push({
      applicationNo: `SQ${today.getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`,
      householdId: h.id,
      ownerId: owner.id,
      projectId: h.projectId,
      regionCode: h.project.regionCode,
      form,
      applicantName: p.name,
      applicantIdNumber: p.idNumber,
      collectionPoint: POINTS[i % POINTS.length],
      collectionPlace: i % 4 === 0 ? `${h.project.name}物业管理处` : null,
      receivedOn: received,
      receivedById: officer.id,
      status,
      statusSince: received,
      dueOn,
      documentsPresent: ALL_DOCS.filter((d) => !missing.includes(d as never)),
      missingItems: missing,
      completeOn: complete,
      decidedById: status === 'REJECTED' ? officer.id : null,
      decidedAt: status === 'REJECTED' ? new Date() : null,
      rejectionReason: status === 'REJECTED' ? '申请人非该房产业主的配偶或直系亲属' : null,
    });
  });
  const created = await db.application.createManyAndReturn({ data: rows, select: { id: true, status: true, receivedOn: true } });
  // The steps each state went through, for the timeline.
  const paths: Record<string, ApplicationStatus[]> = {
    RECEIVED: ['RECEIVED'],
    INCOMPLETE: ['RECEIVED', 'INCOMPLETE'],
    COMPLETE: ['RECEIVED', 'COMPLETE'],
    VERIFIED: ['RECEIVED', 'COMPLETE', 'VERIFIED'],
    REJECTED: ['RECEIVED', 'COMPLETE', 'REJECTED'],
  };
  await db.applicationEvent.createMany({
    data: created.flatMap((a) =>
      paths[a.status].map((to, k, path) => ({
        applicationId: a.id,
        fromStatus: k === 0 ? null : path[k - 1],
        toStatus: to,
        byId: officer.id,
        at: new Date(a.receivedOn.getTime() + k * 86_400_000),
      })),
    ),
  });
  return { applications: created.length };
}
