import { Body, Controller, HttpCode, Post, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { isFileExport } from '../export/export-table';
import { ExpenseReportFilterDto } from './dto/expense-report-filter.dto';
import { ExpenseDetailedReportDto } from './dto/expense-report.dto';
import { ExpenseReportExportService } from './expense-report-export';
import { ExpenseReportService } from './expense-report.service';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Expense Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/workspaces/:workspaceId/reports/expenses')
export class ExpenseReportController {
  constructor(
    private readonly report: ExpenseReportService,
    private readonly exports: ExpenseReportExportService,
  ) {}

  /**
   * Expense report data: a page of expenses (`page`, `pageSize` up to 1000) and totals over all that match.
   * JSON by default; exportType CSV, XLSX or PDF: that file, streamed. Members see their own (and their team's) expenses;
   * amounts are null for callers who may not see rates.
   */
  @Post('detailed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate an expense report', operationId: 'generateDetailedReportV1' })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ type: ExpenseDetailedReportDto })
  async generate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: ExpenseReportFilterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile> {
    if (isFileExport(body.exportType)) return this.exports.export(ws, body, body.exportType);
    const json = await this.report.generate(ws, body);
    res.type('application/json');
    return json;
  }
}
