import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { ListRoute } from '../crud/crud-http.js';
import type { Prisma } from '../generated/prisma/client.js';
import { clubClock } from '../calendar/calendar.service.js';
import { AuditLogService, auditListSpec, listReadSpec, toItem } from './audit-log.service.js';
import { fileDate, sendXlsxHeaders, streamingSheet } from './xlsx.js';

const EXPORT_CHUNK = 5000;
/** An export larger than this is cut off (and says so in its last row and the audit entry). */
const EXPORT_MAX = 1_000_000;

/** M-11: the club manager and the division leader search the audit log and export what they find. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(
    @Inject(AuditLogService) private readonly log: AuditLogService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('audit:list')
  @ApiOperation({ summary: 'Search the audit log (simple-rest: action, resource, recordId, actorName_like, at_gte/at_lte, …)' })
  @ListRoute(auditListSpec)
  list(@Query() query: Record<string, unknown>) {
    return this.log.list(query);
  }

  @Get('list-reads')
  @RequirePermission('audit:list')
  @ApiOperation({ summary: 'Unmasked list reads grouped per day, person and resource (views, records shown); at_gte/at_lte, actorId, resource' })
  @ListRoute(listReadSpec)
  listReads(@Query() query: Record<string, unknown>) {
    return this.log.listReads(query);
  }

  @Get('export.xlsx')
  @RequirePermission('audit:list')
  @ApiOperation({ summary: 'The filtered audit log as Excel (the export itself is audited)' })
  async export(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { _start: _s, _end: _e, ...filters } = query;
    const q = this.log.query(filters);
    const total = await this.log.count(q.where);
    const rows = Math.min(total, EXPORT_MAX);
    await this.audit.record(ctx, 'EXPORT', 'audit-log', null, { filters: filters as Prisma.InputJsonObject, rows, truncated: total > EXPORT_MAX });
    sendXlsxHeaders(res, `audit-log-${fileDate()}.xlsx`, `审计日志-${fileDate()}.xlsx`);
    const sheet = streamingSheet(res, '审计日志', [
      { header: '编号', key: 'id', width: 10 },
      { header: '时间', key: 'at', width: 22 },
      { header: '操作人', key: 'actorName', width: 14 },
      { header: '操作', key: 'action', width: 16 },
      { header: '对象', key: 'resource', width: 18 },
      { header: '记录编号', key: 'recordId', width: 12 },
      { header: '详情', key: 'detail', width: 60 },
      { header: 'IP', key: 'ip', width: 16 },
      { header: '请求编号', key: 'requestId', width: 38 },
    ]);
    for (let skip = 0; skip < rows; skip += EXPORT_CHUNK) {
      const page = await this.log.page(q, skip, Math.min(EXPORT_CHUNK, rows - skip));
      const names = await this.log.names(page);
      for (const r of page) {
        const item = toItem(r, names);
        sheet.add({ ...item, actorName: item.actorDisplayName, at: clubClock(r.at).toISOString().slice(0, 19).replace('T', ' '), detail: JSON.stringify(r.detail) });
      }
    }
    if (total > EXPORT_MAX) sheet.add({ id: `仅导出前 ${EXPORT_MAX} 条，共 ${total} 条` });
    await sheet.done();
  }
}
