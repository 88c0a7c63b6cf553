import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService } from '../../../common/auth/auth.service';
import type { AuthenticatedRequest } from '../../../common/auth/principal';
import { Public } from '../../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import { TimeEntrySummaryReportDto } from '../summary/dto/summary-report.dto';
import { SharedReportRunQueryDto } from './dto/shared-report.dto';
import { type SharedReportOutput, SharedReportRunner } from './shared-report-runner';
import { DataFreshnessInterceptor } from '../report-database';

@ApiTags('Shared Report')
@UseInterceptors(DataFreshnessInterceptor)
@Controller('v1/shared-reports')
export class PublicSharedReportController {
  constructor(
    private readonly runner: SharedReportRunner,
    private readonly auth: AuthService,
  ) {}

  /**
   * Without credentials for a public report; a private one needs a member of its
   * workspace it is shared with. The body is the report of the saved type
   * (detailed, summary, weekly, attendance), or a CSV/XLSX/PDF file.
   */
  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Generate shared report by ID', operationId: 'generateSharedReportV1' })
  @ApiOkResponse({ type: TimeEntrySummaryReportDto })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  async generate(
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: SharedReportRunQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SharedReportOutput> {
    const output = await this.runner.run(id, () => this.auth.principalOf(req), query);
    if (typeof output === 'string') res.type('application/json');
    return output;
  }
}
