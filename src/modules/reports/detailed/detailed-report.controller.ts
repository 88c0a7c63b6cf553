import { Body, Controller, HttpCode, Post, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { DetailedExportService } from '../export/detailed-export';
import { isFileExport } from '../export/export-table';
import { DetailedReportService } from './detailed-report.service';
import { DetailedReportFilterDto } from './dto/detailed-report-filter.dto';
import { TimeEntryDetailedReportDto } from './dto/detailed-report.dto';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Time Entry Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/workspaces/:workspaceId/reports')
export class DetailedReportController {
  constructor(
    private readonly detailed: DetailedReportService,
    private readonly exports: DetailedExportService,
  ) {}

  /** JSON by default (exportType CSV, XLSX or PDF: that file, streamed). Entries in pages of `detailedFilter.pageSize` (max 1000) with totals; durations in seconds, amounts in cents. */
  @Post('detailed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a detailed report', operationId: 'generateDetailedReport' })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({ type: TimeEntryDetailedReportDto })
  async generate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: DetailedReportFilterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile> {
    // exportType CSV / XLSX / PDF: the file, streamed (export/).
    if (isFileExport(body.exportType)) return this.exports.export(ws, body, body.exportType);
    const json = await this.detailed.generate(ws, body);
    res.type('application/json');
    return json;
  }
}
