import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { AttendanceReportService } from './attendance-report.service';
import { AttendanceReportFilterDto } from './dto/attendance-report-filter.dto';
import { AttendanceReportDto } from './dto/attendance-report.dto';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Team Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/workspaces/:workspaceId/reports')
export class AttendanceReportController {
  constructor(private readonly attendance: AttendanceReportService) {}

  @Post('attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Generate an attendance report', operationId: 'generateAttendanceReport' })
  @ApiOkResponse({ type: AttendanceReportDto })
  generate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: AttendanceReportFilterDto,
  ): Promise<AttendanceReportDto> {
    return this.attendance.report(ws, body);
  }
}
