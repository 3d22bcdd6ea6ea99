import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { validate } from '../common/validation.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { checkDocument } from '../storage/document-check.js';
import { FileUpload } from '../storage/upload.js';
import {
  ApplicationReceiveInput,
  CardReadyInput,
  CheckInput,
  DocumentKindInput,
  IssueInput,
  NoteInput,
  RejectInput,
  VerifyInput,
} from './application.schema.js';
import { ApplicationsService, applicationListSpec } from './applications.service.js';

const schema = (s: z.ZodType) => ({ schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as object });

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly apps: ApplicationsService) {}

  @Get()
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'List applications (simple-rest) with deadline (dueOn), overdue and workingDaysLeft; overdue=true, batched=false filters' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(applicationListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.apps.list(query, ctx));
  }

  @Get('tasks')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'My tasks: applications waiting on the caller’s role, counts per state; overdueOnly=true' })
  async tasks(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const r = await this.apps.tasks(query, ctx);
    res.setHeader('X-Total-Count', String(r.total));
    return r;
  }

  @Get(':id')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'One application with its form, documents, events, fee and card' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.apps.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Receive an application (M-4, M-5): RECEIVED, completeness due in 2 working days; card fee recorded (M-8)' })
  @ApiBody(schema(ApplicationReceiveInput))
  receive(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.receive(validate(ApplicationReceiveInput, body, ctx.lang), ctx);
  }

  @Post(':id/check')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Completeness check: missing items → INCOMPLETE, none → COMPLETE (M-6)' })
  @ApiBody(schema(CheckInput))
  check(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.check(parseId(id), validate(CheckInput, body, ctx.lang), ctx);
  }

  @Post(':id/verify')
  @RequirePermission('applications:verify')
  @ApiOperation({ summary: 'Verified against deed/contract → VERIFIED; askMarketing: true puts it on marketing’s list instead' })
  @ApiBody(schema(VerifyInput))
  verify(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.verify(parseId(id), validate(VerifyInput, body ?? {}, ctx.lang), ctx);
  }

  @Post(':id/approve')
  @RequirePermission('applications:decide')
  @ApiOperation({ summary: 'Approve: the member is created as a card holder in the same transaction (M-2, M-3)' })
  @ApiBody(schema(NoteInput))
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.approve(parseId(id), validate(NoteInput, body ?? {}, ctx.lang), ctx);
  }

  @Post(':id/reject')
  @RequirePermission('applications:decide')
  @ApiOperation({ summary: 'Reject with a reason; the card fee is reversed' })
  @ApiBody(schema(RejectInput))
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.reject(parseId(id), validate(RejectInput, body, ctx.lang), ctx);
  }

  @Post(':id/produce-card')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Allocate a card number and send the card to production (due 20 working days after the complete file)' })
  @ApiBody(schema(NoteInput))
  produceCard(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.produceCard(parseId(id), validate(NoteInput, body ?? {}, ctx.lang), ctx);
  }

  @Post(':id/card-ready')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'The card is made; the owner is phoned (M-9)' })
  @ApiBody(schema(CardReadyInput))
  cardReady(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.cardReady(parseId(id), validate(CardReadyInput, body, ctx.lang), ctx);
  }

  @Post(':id/issue')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Issue the card to the collector, who signs showing ID (M-9, appendix 4)' })
  @ApiBody(schema(IssueInput))
  issue(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.apps.issue(parseId(id), validate(IssueInput, body, ctx.lang), ctx);
  }

  @Post(':id/documents')
  @RequirePermission('applications:manage')
  // Size per kind, 413 through the shared error filter; the content is checked before it is stored.
  @UseInterceptors(FileUpload('applicationDocument'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a scan or the photo (multipart: kind, file; JPG/PNG/PDF, at most 10 MB)' })
  async upload(@Param('id') id: string, @Body() body: unknown, @UploadedFile() file: { buffer: Buffer; originalname: string; size: number } | undefined, @Ctx() ctx: RequestContext) {
    const { kind } = validate(DocumentKindInput, body ?? {}, ctx.lang);
    if (file?.buffer?.length) checkDocument(file.buffer);
    return this.apps.addDocument(parseId(id), kind, file, ctx);
  }

  @Get(':id/documents/:docId')
  // Personal data opened from a browser: always a download, never rendered or sniffed as a page.
  @Header('X-Content-Type-Options', 'nosniff')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'Download a document (personal data: roles that see masked data get 403; audited)' })
  async download(@Param('id') id: string, @Param('docId') docId: string, @Ctx() ctx: RequestContext) {
    const doc = await this.apps.openDocument(parseId(id), parseId(docId), ctx);
    return new StreamableFile(doc.stream, {
      type: doc.mimeType,
      length: doc.sizeBytes,
      disposition: `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    });
  }
}

