import { Controller, Get, Header, Inject, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly apps: ApplicationsService) {}

  @Get()
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'List applications (simple-rest) with deadline (dueOn), overdue and workingDaysLeft; overdue=true, batched=false filters' })
  @ListRoute(applicationListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.apps.list(query, ctx);
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
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.apps.get(id, ctx);
  }

  @Post()
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Receive an application (M-4, M-5): RECEIVED, completeness due in 2 working days; card fee recorded (M-8)' })
  receive(@ZodBody(ApplicationReceiveInput) body: z.output<typeof ApplicationReceiveInput>, @Ctx() ctx: RequestContext) {
    return this.apps.receive(body, ctx);
  }

  @Post(':id/check')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Completeness check: missing items → INCOMPLETE, none → COMPLETE (M-6)' })
  check(@IdParam() id: number, @ZodBody(CheckInput) body: z.output<typeof CheckInput>, @Ctx() ctx: RequestContext) {
    return this.apps.check(id, body, ctx);
  }

  @Post(':id/verify')
  @RequirePermission('applications:verify')
  @ApiOperation({ summary: 'Verified against deed/contract → VERIFIED; askMarketing: true puts it on marketing’s list instead' })
  verify(@IdParam() id: number, @ZodBody(VerifyInput) body: z.output<typeof VerifyInput>, @Ctx() ctx: RequestContext) {
    return this.apps.verify(id, body, ctx);
  }

  @Post(':id/approve')
  @RequirePermission('applications:decide')
  @ApiOperation({ summary: 'Approve: the member is created as a card holder in the same transaction (M-2, M-3)' })
  approve(@IdParam() id: number, @ZodBody(NoteInput) body: z.output<typeof NoteInput>, @Ctx() ctx: RequestContext) {
    return this.apps.approve(id, body, ctx);
  }

  @Post(':id/reject')
  @RequirePermission('applications:decide')
  @ApiOperation({ summary: 'Reject with a reason; the card fee is reversed' })
  reject(@IdParam() id: number, @ZodBody(RejectInput) body: z.output<typeof RejectInput>, @Ctx() ctx: RequestContext) {
    return this.apps.reject(id, body, ctx);
  }

  @Post(':id/produce-card')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Allocate a card number and send the card to production (due 20 working days after the complete file)' })
  produceCard(@IdParam() id: number, @ZodBody(NoteInput) body: z.output<typeof NoteInput>, @Ctx() ctx: RequestContext) {
    return this.apps.produceCard(id, body, ctx);
  }

  @Post(':id/card-ready')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'The card is made; the owner is phoned (M-9)' })
  cardReady(@IdParam() id: number, @ZodBody(CardReadyInput) body: z.output<typeof CardReadyInput>, @Ctx() ctx: RequestContext) {
    return this.apps.cardReady(id, body, ctx);
  }

  @Post(':id/issue')
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'Issue the card to the collector, who signs showing ID (M-9, appendix 4)' })
  issue(@IdParam() id: number, @ZodBody(IssueInput) body: z.output<typeof IssueInput>, @Ctx() ctx: RequestContext) {
    return this.apps.issue(id, body, ctx);
  }

  @Post(':id/documents')
  @RequirePermission('applications:manage')
  // Size per kind, 413 through the shared error filter; the content is checked before it is stored.
  @UseInterceptors(FileUpload('applicationDocument'))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a scan or the photo (multipart: kind, file; JPG/PNG/PDF, at most 10 MB)' })
  async upload(@IdParam() id: number, @ZodBody(DocumentKindInput) body: z.output<typeof DocumentKindInput>, @UploadedFile() file: { buffer: Buffer; originalname: string; size: number } | undefined, @Ctx() ctx: RequestContext) {
    const { kind } = body;
    if (file?.buffer?.length) checkDocument(file.buffer);
    return this.apps.addDocument(id, kind, file, ctx);
  }

  @Get(':id/documents/:docId')
  // Personal data opened from a browser: always a download, never rendered or sniffed as a page.
  @Header('X-Content-Type-Options', 'nosniff')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'Download a document (personal data: roles that see masked data get 403; audited)' })
  async download(@IdParam() id: number, @IdParam('docId') docId: number, @Ctx() ctx: RequestContext) {
    const doc = await this.apps.openDocument(id, docId, ctx);
    return new StreamableFile(doc.stream, {
      type: doc.mimeType,
      length: doc.sizeBytes,
      disposition: `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    });
  }
}

