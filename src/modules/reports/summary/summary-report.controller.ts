import { Body, Controller, HttpCode, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { SummaryExportService } from '../export/summary-export';
import { isFileExport } from '../export/export-table';
import { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { TimeEntrySummaryReportDto } from './dto/summary-report.dto';
import { SummaryReportService } from './summary-report.service';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Time Entry Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/workspaces/:workspaceId/reports')
export class SummaryReportController {
  constructor(
    private readonly summary: SummaryReportService,
    private readonly exports: SummaryExportService,
  ) {}

  /** JSON by default (exportType CSV, XLSX or PDF: that file). Groups of up to three levels with durations (seconds) and amounts (cents), totals, and a per-day chart. */
  @Post('summary')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a summary report', operationId: 'generateSummaryReport' })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ type: TimeEntrySummaryReportDto })
  async generate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: SummaryReportFilterDto,
  ): Promise<StreamableFile> {
    // exportType CSV / XLSX / PDF: the file, streamed (export/).
    if (isFileExport(body.exportType)) return this.exports.export(ws, body, body.exportType);
    // Streamed as the cursor reads it: the JSON of a year can be 20 MB.
    return new StreamableFile(await this.summary.stream(ws, body), {
      type: 'application/json; charset=utf-8',
    });
  }
}
