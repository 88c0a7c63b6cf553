import { Body, Controller, HttpCode, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { isFileExport } from '../export/export-table';
import { streamExport } from '../export/report-export';
import { weeklyExportTable } from '../export/weekly-export';
import { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';
import { WeeklyReportDto } from './dto/weekly-report.dto';
import { WeeklyReportService } from './weekly-report.service';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Time Entry Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/workspaces/:workspaceId/reports')
export class WeeklyReportController {
  constructor(private readonly weekly: WeeklyReportService) {}

  /** JSON by default; exportType CSV, XLSX or PDF answers with that file. */
  @Post('weekly')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate a weekly report', operationId: 'generateWeeklyReport' })
  @ApiOkResponse({ type: WeeklyReportDto })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  async generate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: WeeklyReportFilterDto,
  ): Promise<WeeklyReportDto | StreamableFile> {
    const exportType = body.exportType;
    if (!isFileExport(exportType)) return this.weekly.report(ws, body);
    const result = await this.weekly.compute(ws, body);
    return streamExport(exportType, weeklyExportTable(result, body.weeklyFilter.group === 'PROJECT'));
  }
}
