import { Body, Controller, Get, Inject, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { AuditService } from '../../audit/audit.service.js';
import { Ctx, RequirePermission, type RequestContext } from '../../auth/current-user.js';
import { IdParam, ListRoute } from '../../crud/crud-http.js';
import { fileDate, sendXlsxHeaders, streamingSheet } from '../../privacy/xlsx.js';
import { FileUpload } from '../../storage/upload.js';
import { IMPORT_COLUMNS, LABELS } from './columns.js';
import { ImportService, importListSpec } from './import.service.js';

/** Rows of the template that get the drop-down lists (a sheet longer than this still imports). */
const TEMPLATE_ROWS = 5000;

/** M-4 data in bulk (appendix 1): the template, uploads, jobs and their reports, scoped by region. */
@ApiTags('members')
@ApiBearerAuth()
@Controller('imports')
export class ImportController {
  constructor(
    @Inject(ImportService) private readonly imports: ImportService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get('template.xlsx')
  @RequirePermission('members:import')
  @ApiOperation({ summary: 'The import template: appendix-1 columns with Chinese headers, an example row and the allowed options' })
  async template(@Res() res: Response) {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('会员导入', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width ?? 12, style: { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    IMPORT_COLUMNS.forEach((c, i) => {
      if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    });
    sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.example])));
    // A drop-down of the allowed labels on every single-choice column, down to TEMPLATE_ROWS rows.
    IMPORT_COLUMNS.forEach((c, i) => {
      if (typeof c.kind !== 'object') return;
      const labels = Object.values(LABELS[c.kind.option]);
      const letter = sheet.getColumn(i + 1).letter;
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${labels.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: c.header,
        error: `请从下拉列表中选择：${labels.join('、')}`,
        showInputMessage: true,
        promptTitle: c.header,
        prompt: `可填：${labels.join('、')}`,
      });
    });
    const help = wb.addWorksheet('填写说明');
    help.columns = [{ header: '列', key: 'col', width: 14 }, { header: '说明', key: 'note', width: 90 }];
    help.getRow(1).font = { bold: true };
    const hobbies = await this.imports.hobbyNames();
    help.addRow({ col: '（总则）', note: '第一个工作表为数据，第一行为表头（红色为必填列），从第二行起每行一位会员；示例行请删除后再导入。日期填写 YYYY-MM-DD；证件号码等长数字请以文本格式填写。' });
    help.addRow({ col: '楼盘/楼栋/房号', note: '须与系统中的房号一致（楼盘可填名称或编号），且在您所辖区域内。' });
    help.addRow({ col: '业主证件号码', note: '该房号产权登记中的业主；与业主关系为“业主本人”时可留空，默认为本人证件号码。' });
    for (const [field, group] of [['relation', 'relation'], ['title', 'title'], ['sex', 'sex'], ['idType', 'idType'], ['education', 'education'], ['employmentStatus', 'employmentStatus'], ['maritalStatus', 'maritalStatus'], ['mailingAddress', 'mailingAddress'], ['joinReasons', 'joinReasons']] as const) {
      const col = IMPORT_COLUMNS.find((c) => c.field === field)!;
      help.addRow({ col: col.header, note: `可填：${Object.values(LABELS[group]).join('、')}${field === 'joinReasons' ? '（多项用顿号“、”分隔）' : '（可在单元格的下拉列表中选择）'}` });
    }
    help.addRow({ col: '子女', note: '每名子女写作“姓名 出生日期 性别”，出生日期和性别可省略；多名子女用“；”分隔，例如：林小宝 2012-03-04 男；林小贝 2015-06-01 女' });
    help.addRow({ col: '兴趣爱好', note: `多项用顿号“、”分隔，可填：${hobbies.join('、')}` });
    sendXlsxHeaders(res, 'member-import-template.xlsx', '会员导入模板.xlsx');
    await wb.xlsx.write(res);
    res.end();
  }

  @Get()
  @RequirePermission('members:import')
  @ApiOperation({ summary: 'Import jobs (simple-rest), newest first' })
  @ListRoute(importListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.imports.list(query, ctx);
  }

  @Post()
  @RequirePermission('members:import')
  @UseInterceptors(FileUpload('importXlsx'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, mode: { type: 'string', enum: ['ALL_OR_NOTHING', 'VALID_ONLY'] } } } })
  @ApiOperation({ summary: 'Upload an xlsx (appendix-1 columns); checked at once, imported in the background. Poll GET /api/imports/:id.' })
  start(@UploadedFile() file: { buffer: Buffer; originalname: string } | undefined, @Body() body: Record<string, unknown> | undefined, @Ctx() ctx: RequestContext) {
    return this.imports.start(file, body?.mode, ctx);
  }

  @Post(':id/resume')
  @RequirePermission('members:import')
  @UseInterceptors(FileUpload('importXlsx'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Go on with an interrupted or failed VALID_ONLY import (its uploader, the same file again): rows through committedThroughRow are not inserted again' })
  resume(@IdParam() id: number, @UploadedFile() file: { buffer: Buffer } | undefined, @Ctx() ctx: RequestContext) {
    return this.imports.resume(id, file, ctx);
  }

  @Get(':id')
  @RequirePermission('members:import')
  @ApiOperation({ summary: 'Status, counts, progress (0–100) and one page of the report (_start/_end)' })
  get(@IdParam() id: number, @Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.imports.get(id, query, ctx);
  }

  @Get(':id/report.xlsx')
  @RequirePermission('members:import')
  @ApiOperation({ summary: 'The failed rows with their reasons and each row as uploaded (its cells after the reason), as Excel (the uploader, their region, or the group club; audited)' })
  async report(@IdParam() id: number, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { job, report } = await this.imports.fullReport(id, ctx);
    await this.audit.record(ctx, 'EXPORT', 'import-jobs', job.id, { report: true, rows: report.length });
    sendXlsxHeaders(res, `import-${job.id}-report-${fileDate()}.xlsx`, `会员导入错误报告-${job.id}-${fileDate()}.xlsx`);
    // The reason, then the row as it was uploaded (on its first error), under the template's headers.
    const sheet = streamingSheet(res, '错误报告', [
      { header: '行号', key: 'row', width: 8 },
      { header: '列', key: 'column', width: 16 },
      { header: '原因', key: 'message', width: 60 },
      ...IMPORT_COLUMNS.map((c) => ({ header: c.header, key: `value:${c.header}`, width: c.width ?? 12 })),
    ]);
    for (const r of report) {
      const values = Object.fromEntries(Object.entries(r.values ?? {}).map(([header, text]) => [`value:${header}`, text]));
      sheet.add({ row: r.row || '', column: r.column, message: r.message, ...values });
    }
    await sheet.done();
  }
}
