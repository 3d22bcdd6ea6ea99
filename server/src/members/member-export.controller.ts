import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs } from '../crud/crud-http.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day, memberListSelect, toMemberListItem, unitLabel, withPlaces } from './member.mapper.js';
import { PlaceLabels } from '../reference/place-labels.js';
import { anyVisible } from '../common/masking.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { fileDate, sendXlsxHeaders, streamingSheet } from '../privacy/xlsx.js';
import { LABELS } from './import/columns.js';
import { MembersService, memberListSpec } from './members.service.js';

/**
 * The members the list shows for the same query (MembersService), every page of them. Cursor
 * paging needs a total order: every members order ends with the id (memberListSpec.defaultSort).
 */
async function memberWhere(members: MembersService, query: Record<string, unknown>, ctx: RequestContext) {
  const { _start: _s, _end: _e, ...filters } = query;
  return { filters, ...(await members.exportSelection(filters, ctx)) };
}

const label = (group: keyof typeof LABELS, v: string | null | undefined) => (v ? ((LABELS[group] as Record<string, string>)[v] ?? v) : '');

/**
 * M-11, M-12: members as Excel (`GET /api/members/export.xlsx`, `GET /api/members/basic-info.xlsx`)
 * and what the caller's exports look like (`GET /api/member-exports/access`). MembersModule lists
 * this controller before MembersController, so these fixed paths are routed before `/members/:id`.
 */
@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class MemberExportController {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(PlaceLabels) private readonly places: PlaceLabels,
    @Inject(MembersService) private readonly members: MembersService,
  ) {}

  @Get('member-exports/access')
  @RequirePermission('members:list')
  @ApiOperation({ summary: 'How the caller’s member exports come out: which personal fields unmasked (M-11), and whether the basic-information table is theirs (M-12)' })
  async access(@Ctx() ctx: RequestContext) {
    const fields = await this.masking.exportVisibility(ctx.user);
    return { unmasked: anyVisible(fields), fields, basicInfo: ctx.user.permissions.includes('members:export') };
  }

  @Get('members/export.xlsx')
  @RequirePermission('members:list')
  @ApiOperation({ summary: 'The filtered members list as Excel; masked unless the caller may unmask and export (M-11). Audited.' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(memberListSpec) })
  async exportList(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { filters, where, orderBy, total } = await memberWhere(this.members, query, ctx);
    const visible = await this.masking.exportVisibility(ctx.user);
    const unmasked = anyVisible(visible);
    const grant = unmasked && !ctx.user.permissions.includes('members:unmask') ? (await this.masking.grant(ctx.user)).requestIds : undefined;
    await this.audit.record(ctx, 'EXPORT', 'members', null, { filters: filters as Prisma.InputJsonObject, rows: total, unmasked, ...(grant ? { dataUseRequestIds: grant } : {}) });

    sendXlsxHeaders(res, `members-${fileDate()}.xlsx`, `会员名单-${fileDate()}.xlsx`);
    const sheet = streamingSheet(res, '会员名单', [
      { header: '会员编号', key: 'id', width: 10 },
      { header: '楼盘', key: 'projectName', width: 14 },
      { header: '楼栋', key: 'buildingName', width: 8 },
      { header: '房号', key: 'unitNumber', width: 8 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '姓名拼音', key: 'pinyin', width: 16 },
      { header: '称谓', key: 'title', width: 6 },
      { header: '性别', key: 'sex', width: 6 },
      { header: '出生日期', key: 'birthDate', width: 12 },
      { header: '证件号码', key: 'idNumber', width: 22 },
      { header: '手机', key: 'mobile', width: 14 },
      { header: '与业主关系', key: 'relation', width: 10 },
      { header: '会籍状态', key: 'status', width: 8 },
      { header: '入会日期', key: 'joinedOn', width: 12 },
      { header: '区域', key: 'region', width: 10 },
    ]);
    // Regions by the names staff use (南京区域), never their codes.
    const regions = await this.places.regionNames();
    for await (const rows of this.members.exportPages(where, orderBy, memberListSelect)) {
      const labels = await this.places.forUnits(rows.map((r) => r.unitId), { keep: false });
      for (const r of withPlaces(rows, labels)) {
        const m = toMemberListItem(r, visible);
        sheet.add({
          ...m,
          title: label('title', m.title),
          sex: label('sex', m.sex),
          relation: label('relation', m.relation),
          status: m.status === 'ACTIVE' ? '在册' : '已退会',
          region: regions.get(m.regionCode) ?? m.regionCode,
        });
      }
    }
    await sheet.done();
  }

  @Get('members/basic-info.xlsx')
  @RequirePermission('members:export')
  @ApiOperation({ summary: 'M-12: the member basic-information table for care and announcements (member officer). Audited.' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(memberListSpec) })
  async basicInfo(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { filters, where, orderBy, total } = await memberWhere(this.members, query, ctx);
    await this.audit.record(ctx, 'EXPORT', 'members', null, { table: 'basic-info', filters: filters as Prisma.InputJsonObject, rows: total, unmasked: true });

    sendXlsxHeaders(res, `member-basic-info-${fileDate()}.xlsx`, `会员基本信息表-${fileDate()}.xlsx`);
    const sheet = streamingSheet(res, '会员基本信息表', [
      { header: '姓名', key: 'name', width: 10 },
      { header: '称谓', key: 'title', width: 6 },
      { header: '性别', key: 'sex', width: 6 },
      { header: '生日', key: 'birthday', width: 8 },
      { header: '楼盘房号', key: 'home', width: 22 },
      { header: '工作单位', key: 'employer', width: 22 },
      { header: '职务', key: 'position', width: 10 },
      { header: '手机', key: 'mobile', width: 14 },
      { header: '通讯地址类别', key: 'mailing', width: 10 },
      { header: '通讯地址', key: 'address', width: 36 },
      { header: '兴趣爱好', key: 'hobbies', width: 30 },
    ]);
    const select = {
      name: true,
      title: true,
      sex: true,
      birthDate: true,
      mobile: true,
      employer: true,
      employerAddress: true,
      position: true,
      homeAddress: true,
      mailingAddress: true,
      hobbyOther: true,
      unitId: true,
      hobbies: { select: { hobby: { select: { nameZh: true, sortOrder: true } } } },
    } satisfies Prisma.MemberSelect;
    for await (const rows of this.members.exportPages(where, orderBy, select)) {
      const places = await this.places.forUnits(rows.map((r) => r.unitId), { keep: false });
      for (const m of rows) {
        const place = places.get(m.unitId);
        const hobbies = m.hobbies.map((h) => h.hobby).sort((a, b) => a.sortOrder - b.sortOrder).map((h) => h.nameZh);
        if (m.hobbyOther) hobbies.push(m.hobbyOther);
        sheet.add({
          name: m.name,
          title: label('title', m.title),
          sex: label('sex', m.sex),
          birthday: day(m.birthDate)?.slice(5) ?? '',
          home: place ? `${place.projectName}${unitLabel(place.buildingName, place.unitNumber)}` : '',
          employer: m.employer ?? '',
          position: m.position ?? '',
          mobile: m.mobile,
          mailing: label('mailingAddress', m.mailingAddress),
          address: (m.mailingAddress === 'OFFICE' ? m.employerAddress : m.homeAddress) ?? '',
          hobbies: hobbies.join('、'),
        });
      }
    }
    await sheet.done();
  }
}
