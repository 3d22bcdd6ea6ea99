import * as z from 'zod';
import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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
  @ListRoute(cardListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.cards.listCards(query, ctx);
  }

  @Get('issue-record')
  @RequirePermission('cards:list')
  @ApiOperation({ summary: 'Appendix 4: issue record lines for the chosen cards (same filters as the list, at most 500)' })
  issueRecord(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.cards.issueRecord(query, ctx);
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.cards.getCard(id, ctx);
  }

  @Post(':id/ready')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'The card is made: IN_PRODUCTION → READY; ownerPhoned records the call (M-9)' })
  ready(@IdParam() id: number, @ZodBody(CardReadyInput) body: z.output<typeof CardReadyInput>, @Ctx() ctx: RequestContext) {
    return this.cards.ready(id, body.ownerPhoned, ctx);
  }

  @Post(':id/issue')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'Hand the card over: READY → ISSUED, with the collector signature and ID check confirmed (M-9)' })
  issue(@IdParam() id: number, @ZodBody(CardIssueInput) body: z.output<typeof CardIssueInput>, @Ctx() ctx: RequestContext) {
    return this.cards.issueCard(id, body, ctx);
  }

  @Post(':id/reissue-requests')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: request a reissue of a lost or damaged card' })
  requestReissue(@IdParam() id: number, @ZodBody(ReissueRequestInput) body: z.output<typeof ReissueRequestInput>, @Ctx() ctx: RequestContext) {
    return this.reissues.requestReissue(id, body, ctx);
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
  allocate(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.cards.allocateForMember(id, ctx);
  }
}
