import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { LinkBase } from '../../../common/decorators/link-base.decorator';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import { CreateSharedReportDto, UpdateSharedReportDto } from './dto/shared-report-requests.dto';
import { SharedReportDto, SharedReportsAndCountDto, SharedReportsQueryDto } from './dto/shared-report.dto';
import { SharedReportsService } from './shared-reports.service';

@ApiTags('Shared Report')
@Controller('v1/workspaces/:workspaceId/shared-reports')
export class SharedReportsController {
  constructor(private readonly sharedReports: SharedReportsService) {}

  @Get()
  @ApiOperation({ summary: 'Get all my shared reports', operationId: 'getSharedReportsV1' })
  @ApiOkResponse({ type: SharedReportsAndCountDto })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: SharedReportsQueryDto,
    @LinkBase() linkBase: string,
  ): Promise<SharedReportsAndCountDto> {
    return this.sharedReports.list(ws, query, linkBase);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a shared report', operationId: 'saveSharedReportV1' })
  @ApiOkResponse({ type: SharedReportDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateSharedReportDto): Promise<SharedReportDto> {
    return this.sharedReports.create(ws, body);
  }

  /** The author or a workspace admin. */
  @Put(':id')
  @ApiOperation({ summary: 'Update a shared report', operationId: 'updateSharedReportV1' })
  @ApiOkResponse({ type: SharedReportDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateSharedReportDto,
  ): Promise<SharedReportDto> {
    return this.sharedReports.update(ws, id, body);
  }

  /** The author or a workspace admin. */
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a shared report', operationId: 'deleteSharedReportV1' })
  @ApiNoContentResponse()
  delete(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.sharedReports.delete(ws, id);
  }
}
