import { Controller, Get, Inject, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type * as z from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody, listQueryDocs } from '../crud/crud-http.js';
import type { Prisma } from '../generated/prisma/client.js';
import { fileDate, sendXlsxHeaders, streamingSheet } from '../privacy/xlsx.js';
import { isoDay } from '../workbench/periods.js';
import {
  AgreementCreateInput,
  ConsentInput,
  MerchantChangeInput,
  MerchantCreateInput,
  MerchantStepInput,
  MerchantUpdateInput,
  ObjectionInput,
  OfferChangeInput,
  PlaqueInput,
  VisitCreateInput,
} from './merchants.schema.js';
import { agreementListSpec, merchantListSpec, MerchantsService, visitListSpec } from './merchants.service.js';

/** B-1, B-2, B-4 and the appendix-5 merchant table. The fixed path `table.xlsx` is declared before `:id`. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('merchants')
export class MerchantsController {
  constructor(
    @Inject(MerchantsService) private readonly merchants: MerchantsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('merchants:list')
  @ApiOperation({ summary: 'Alliance merchants with their pipeline stage (B-1, B-2)' })
  @ListRoute(merchantListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.merchants.list(query, ctx);
  }

  @Get('table.xlsx')
  @RequirePermission('merchants:list')
  @ApiOperation({ summary: 'The merchant table (appendix 5) of the filtered merchants as Excel, one row per merchant with its latest agreement. Audited.' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(merchantListSpec) })
  async table(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { _start: _s, _end: _e, ...filters } = query;
    const rows = await this.merchants.tableRows(filters, ctx);
    await this.audit.record(ctx, 'EXPORT', 'merchants', null, { table: 'appendix-5', filters: filters as Prisma.InputJsonObject, rows: rows.length });
    sendXlsxHeaders(res, `merchants-${fileDate()}.xlsx`, `联盟商家一览表-${fileDate()}.xlsx`);
    const sheet = streamingSheet(res, '联盟商家一览表', [
      { header: '序号', key: 'no', width: 6 },
      { header: '合同编号', key: 'contractNo', width: 16 },
      { header: '商家名称', key: 'name', width: 22 },
      { header: '类别', key: 'category', width: 10 },
      { header: '经营范围', key: 'businessScope', width: 24 },
      { header: '地址', key: 'address', width: 28 },
      { header: '优惠折扣', key: 'discount', width: 18 },
      { header: '电话', key: 'phone', width: 14 },
      { header: '传真', key: 'fax', width: 14 },
      { header: '法人代表', key: 'representative', width: 10 },
      { header: '联系人', key: 'contact', width: 10 },
      { header: '合作期限（年）', key: 'termYears', width: 8 },
      { header: '起始日期', key: 'startOn', width: 12 },
      { header: '终止日期', key: 'endOn', width: 12 },
      { header: '区域', key: 'region', width: 10 },
    ]);
    rows.forEach((m, i) => {
      const a = m.agreements[0];
      sheet.add({
        no: i + 1,
        contractNo: a?.contractNo ?? '',
        name: m.name,
        category: m.category,
        businessScope: a?.businessScope ?? '',
        address: m.address ?? '',
        discount: a?.discount ?? '',
        phone: m.phone ?? '',
        fax: m.fax ?? '',
        representative: m.representative ?? '',
        contact: m.contact ?? '',
        termYears: a?.termYears ?? '',
        startOn: a ? isoDay(a.startOn) : '',
        endOn: a ? isoDay(a.endOn) : '',
        // The region by the name staff use (南京区域), never its code, as the member exports write it.
        region: m.region.name,
      });
    });
    await sheet.done();
  }

  @Get(':id')
  @RequirePermission('merchants:list')
  @ApiOperation({ summary: 'A merchant with its pipeline steps and reported changes' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.merchants.get(id, ctx);
  }

  @Post()
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'A new merchant, at its pipeline’s first step (B-2), with the admission checklist (B-1)' })
  create(@ZodBody(MerchantCreateInput) body: z.output<typeof MerchantCreateInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.create(body, ctx);
  }

  @Patch(':id')
  @RequirePermission('merchants:manage')
  update(@IdParam() id: number, @ZodBody(MerchantUpdateInput) body: z.output<typeof MerchantUpdateInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.update(id, body, ctx);
  }

  @Post(':id/steps')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'The next pipeline step with its notes and date, in the pipeline’s order only (B-2)' })
  step(@IdParam() id: number, @ZodBody(MerchantStepInput) body: z.output<typeof MerchantStepInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.step(id, body, ctx);
  }

  @Post(':id/changes')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'A reported change of representative, contact, address, phone, fax or products, kept as history (B-3)' })
  reportChange(@IdParam() id: number, @ZodBody(MerchantChangeInput) body: z.output<typeof MerchantChangeInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.reportChange(id, body, ctx);
  }

  @Post(':id/plaque/issue')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'The plaque issued (B-4)' })
  issuePlaque(@IdParam() id: number, @ZodBody(PlaqueInput) body: z.output<typeof PlaqueInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.plaque(id, 'issue', body, ctx);
  }

  @Post(':id/plaque/withdraw')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'The plaque withdrawn (B-4)' })
  withdrawPlaque(@IdParam() id: number, @ZodBody(PlaqueInput) body: z.output<typeof PlaqueInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.plaque(id, 'withdraw', body, ctx);
  }

  @Post(':id/agreements')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'The signed agreement (appendix 1) of a merchant at the signing step; unique contract number (B-3)' })
  createAgreement(@IdParam() id: number, @ZodBody(AgreementCreateInput) body: z.output<typeof AgreementCreateInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.createAgreement(id, body, ctx);
  }

  @Post(':id/visits')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'A visit record: site or phone, who, what was covered, prices and service observed, member feedback (B-5)' })
  createVisit(@IdParam() id: number, @ZodBody(VisitCreateInput) body: z.output<typeof VisitCreateInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.createVisit(id, body, ctx);
  }
}

/** B-3: agreements, the renewal objection and offer changes. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('merchant-agreements')
export class MerchantAgreementsController {
  constructor(@Inject(MerchantsService) private readonly merchants: MerchantsService) {}

  @Get()
  @RequirePermission('merchants:list')
  @ApiOperation({ summary: 'Merchant agreements with their current term (renewed automatically unless objected)' })
  @ListRoute(agreementListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.merchants.listAgreements(query, ctx);
  }

  @Get(':id')
  @RequirePermission('merchants:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.merchants.getAgreement(id, ctx);
  }

  @Post(':id/objection')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'Either side objects to the automatic renewal: the agreement ends at the end of its term' })
  object(@IdParam() id: number, @ZodBody(ObjectionInput) body: z.output<typeof ObjectionInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.object(id, body, ctx);
  }

  @Post(':id/offer-changes')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'An offer change; a price increase or withdrawal needs 30 days’ written notice and the club’s consent' })
  offerChange(@IdParam() id: number, @ZodBody(OfferChangeInput) body: z.output<typeof OfferChangeInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.offerChange(id, body, ctx);
  }

  @Post(':id/offer-changes/:changeId/consent')
  @RequirePermission('merchants:manage')
  @ApiOperation({ summary: 'The club’s written consent to a price increase or withdrawal' })
  consent(@IdParam() id: number, @IdParam('changeId') changeId: number, @ZodBody(ConsentInput) body: z.output<typeof ConsentInput>, @Ctx() ctx: RequestContext) {
    return this.merchants.consent(id, changeId, body, ctx);
  }
}

/** B-5: visit records. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('merchant-visits')
export class MerchantVisitsController {
  constructor(@Inject(MerchantsService) private readonly merchants: MerchantsService) {}

  @Get()
  @RequirePermission('merchants:list')
  @ApiOperation({ summary: 'Merchant visits (B-5)' })
  @ListRoute(visitListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.merchants.listVisits(query, ctx);
  }
}
