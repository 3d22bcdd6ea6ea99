import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import {
  CardIssueInput,
  CardRangeCreateInput,
  CardReadyInput,
  DecisionInput,
  ExceptionCreateInput,
  FeeRecordInput,
  FeeReverseInput,
  ReissueApproveInput,
  ReissueRejectInput,
  ReissueRequestInput,
  StatementCreateInput,
  StatementSignInput,
} from './cards.schema.js';
import { CardsService, cardListSpec, exceptionListSpec, rangeListSpec, reissueListSpec } from './cards.service.js';
import { FeesService, feeListSpec, statementListSpec } from './fees.service.js';

const schemaDoc = (s: z.ZodType) => ({ schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as object });

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-ranges')
export class CardRangesController {
  constructor(@Inject(CardsService) private readonly cards: CardsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiOperation({ summary: 'Card number ranges (M-7)' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(rangeListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.cards.listRanges(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.getRange(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Set up a range (prefix, from, to, project or channel); overlapping ranges of a prefix are refused' })
  @ApiBody(schemaDoc(CardRangeCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.createRange(validate(CardRangeCreateInput, body, ctx.lang), ctx);
  }

  @Post(':id/deactivate')
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Stop handing out numbers from a range (numbers are never reused)' })
  deactivate(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.deactivateRange(parseId(id), ctx);
  }
}

@ApiTags('cards')
@ApiBearerAuth()
@Controller('cards')
export class CardsController {
  constructor(@Inject(CardsService) private readonly cards: CardsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiOperation({ summary: 'Cards (filters: status, memberId, householdId, projectId, q by card number or member name)' })
  @ApiQuery({ name: 'filters', required: false, description: `${listQueryDocs(cardListSpec)}, projectId` })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.cards.listCards(query, ctx));
  }

  @Get('issue-record')
  @RequirePermission('cards:list')
  @ApiOperation({ summary: 'Appendix 4: issue record lines for the chosen cards (same filters as the list, at most 500)' })
  issueRecord(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.cards.issueRecord(query, ctx);
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.getCard(parseId(id), ctx);
  }

  @Post(':id/ready')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'The card is made: IN_PRODUCTION → READY; ownerPhoned records the call (M-9)' })
  @ApiBody(schemaDoc(CardReadyInput))
  ready(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    const input = validate(CardReadyInput, body ?? {}, ctx.lang);
    return this.cards.ready(parseId(id), input.ownerPhoned, ctx);
  }

  @Post(':id/issue')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'Hand the card over: READY → ISSUED, with the collector signature and ID check confirmed (M-9)' })
  @ApiBody(schemaDoc(CardIssueInput))
  issue(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.issueCard(parseId(id), validate(CardIssueInput, body, ctx.lang), ctx);
  }

  @Post(':id/reissue-requests')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: request a reissue of a lost or damaged card' })
  @ApiBody(schemaDoc(ReissueRequestInput))
  requestReissue(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.requestReissue(parseId(id), validate(ReissueRequestInput, body, ctx.lang), ctx);
  }
}

@ApiTags('cards')
@ApiBearerAuth()
@Controller('members')
export class MemberCardsController {
  constructor(@Inject(CardsService) private readonly cards: CardsService) {}

  @Post(':id/cards')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'Allocate a card to an existing member (M-3 limit enforced by the database; M-7 numbering)' })
  allocate(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.allocateForMember(parseId(id), ctx);
  }
}

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-reissue-requests')
export class ReissueRequestsController {
  constructor(@Inject(CardsService) private readonly cards: CardsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(reissueListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.cards.listReissues(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.getReissue(parseId(id), ctx);
  }

  @Post(':id/approve')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: approve after checking the same documents as a new application (documentsChecked: true); records the replacement fee, allocates a new number, voids the old card' })
  @ApiBody(schemaDoc(ReissueApproveInput))
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.approveReissue(parseId(id), validate(ReissueApproveInput, body, ctx.lang), ctx);
  }

  @Post(':id/reject')
  @RequirePermission('cards:manage')
  @ApiBody(schemaDoc(ReissueRejectInput))
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.rejectReissue(parseId(id), validate(ReissueRejectInput, body ?? {}, ctx.lang).note, ctx);
  }
}

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-limit-exceptions')
export class CardLimitExceptionsController {
  constructor(@Inject(CardsService) private readonly cards: CardsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(exceptionListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.cards.listExceptions(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.cards.getException(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('card-exceptions:request')
  @ApiOperation({ summary: 'M-3: the member officer requests a card beyond the household limit' })
  @ApiBody(schemaDoc(ExceptionCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.requestException(validate(ExceptionCreateInput, body, ctx.lang), ctx);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'M-3: approve as club manager (card-exceptions:approve-manager) or division leader (card-exceptions:approve-leader); both raise the limit' })
  @ApiBody(schemaDoc(DecisionInput))
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.decideException(parseId(id), true, validate(DecisionInput, body ?? {}, ctx.lang).note, ctx);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'M-3: a rejection by either approver ends the exception' })
  @ApiBody(schemaDoc(DecisionInput))
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.decideException(parseId(id), false, validate(DecisionInput, body ?? {}, ctx.lang).note, ctx);
  }
}

@ApiTags('fees')
@ApiBearerAuth()
@Controller('fee-entries')
export class FeeEntriesController {
  constructor(@Inject(FeesService) private readonly fees: FeesService) {}

  @Get()
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'M-8: the card-fee ledger (filters: paidOn_gte/paidOn_lte, projectId, kind, q by receipt number)' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(feeListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.fees.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'One entry: the data of its printed receipt' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.fees.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Record a card fee (waived for newly launched projects); numbered receipt' })
  @ApiBody(schemaDoc(FeeRecordInput))
  record(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.fees.record(validate(FeeRecordInput, body, ctx.lang), ctx);
  }

  @Post(':id/reverse')
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Append a reversing entry (the ledger is append-only)' })
  @ApiBody(schemaDoc(FeeReverseInput))
  reverse(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.fees.reverse(parseId(id), validate(FeeReverseInput, body, ctx.lang).reason, ctx);
  }
}

@ApiTags('fees')
@ApiBearerAuth()
@Controller('fee-statements')
export class FeeStatementsController {
  constructor(@Inject(FeesService) private readonly fees: FeesService) {}

  @Get()
  @RequirePermission('fees:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(statementListSpec) })
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.fees.listStatements(query));
  }

  @Get(':id/export.xlsx')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'The statement as an Excel workbook (audit-logged as EXPORT)' })
  async export(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { fileName, buffer } = await this.fees.exportStatement(parseId(id), ctx);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(buffer);
  }

  @Get(':id')
  @RequirePermission('fees:list')
  get(@Param('id') id: string) {
    return this.fees.getStatement(parseId(id));
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'M-8: prepare the quarter-end statement from the ledger (only after the quarter ends)' })
  @ApiBody(schemaDoc(StatementCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    const input = validate(StatementCreateInput, body, ctx.lang);
    return this.fees.createStatement(input.year, input.quarter, ctx);
  }

  @Post(':id/sign')
  @RequirePermission('fees:sign')
  @ApiOperation({ summary: 'M-8: the club manager signs the statement, explaining differences with finance' })
  @ApiBody(schemaDoc(StatementSignInput))
  sign(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.fees.signStatement(parseId(id), validate(StatementSignInput, body ?? {}, ctx.lang).differencesNote, ctx);
  }
}
