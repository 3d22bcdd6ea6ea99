import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
import { CardIssueInput, CardReadyInput, ReissueRequestInput } from './cards.schema.js';
import { CardsService, cardListSpec } from './cards.service.js';
import { ReissueRequestsService } from './reissue-requests.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('cards')
export class CardsController {
  constructor(
    @Inject(CardsService) private readonly cards: CardsService,
    @Inject(ReissueRequestsService) private readonly reissues: ReissueRequestsService,
  ) {}

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
    const input = validate(CardReadyInput, body ?? {});
    return this.cards.ready(parseId(id), input.ownerPhoned, ctx);
  }

  @Post(':id/issue')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'Hand the card over: READY → ISSUED, with the collector signature and ID check confirmed (M-9)' })
  @ApiBody(schemaDoc(CardIssueInput))
  issue(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.cards.issueCard(parseId(id), validate(CardIssueInput, body), ctx);
  }

  @Post(':id/reissue-requests')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: request a reissue of a lost or damaged card' })
  @ApiBody(schemaDoc(ReissueRequestInput))
  requestReissue(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.reissues.requestReissue(parseId(id), validate(ReissueRequestInput, body), ctx);
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
