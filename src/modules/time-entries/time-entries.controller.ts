import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { InProgressQueryDto, HydratedQueryDto } from './dto/time-entry-query.dto';
import { CreateTimeEntryDto, UpdateInvoicedStatusDto, UpdateTimeEntryDto } from './dto/time-entry-requests.dto';
import { HydratedTimeEntryDto, TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { TaggedEntry, TimeEntriesService } from './time-entries.service';
import { TimeEntryBulkService } from './time-entry-bulk.service';
import { TimeEntryListService } from './time-entry-list.service';

/** Sends the entry with its ETag header. */
export function withEtag(res: Response, result: TaggedEntry): TimeEntryWithRatesDto {
  res.setHeader('ETag', result.etag);
  return result.entry;
}

export const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag of the entry as last read; when it is stale the request fails with 412 and changes nothing.',
});

@ApiTags('Time entry')
@Controller('v1/workspaces/:workspaceId/time-entries')
export class TimeEntriesController {
  constructor(
    private readonly entries: TimeEntriesService,
    private readonly lists: TimeEntryListService,
    private readonly bulk: TimeEntryBulkService,
  ) {}

  /** Without `end` this starts a timer; a timer already running is stopped at the new start. */
  @Post()
  @ApiOperation({ summary: 'Add a new time entry', operationId: 'createTimeEntry' })
  @ApiCreatedResponse({ type: TimeEntryWithRatesDto, description: 'The entry; the ETag header carries its version.' })
  async create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateTimeEntryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.entries.create(ws, ws.userId, body));
  }

  @Patch('invoiced')
  @Roles('WORKSPACE_ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark time entries as invoiced', operationId: 'updateInvoicedStatus' })
  @ApiOkResponse()
  async invoiced(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: UpdateInvoicedStatusDto): Promise<void> {
    await this.bulk.setInvoiced(ws, body);
  }

  @Get('status/in-progress')
  @ApiOperation({ summary: 'Get all in progress time entries on a workspace', operationId: 'getInProgressTimeEntries' })
  @ApiOkResponse({ type: [TimeEntryWithRatesDto] })
  inProgress(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: InProgressQueryDto,
  ): Promise<Page<TimeEntryWithRatesDto>> {
    return this.lists.inProgress(ws, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a specific time entry on a workspace', operationId: 'getTimeEntry' })
  @ApiOkResponse({ type: HydratedTimeEntryDto, description: 'With hydrated=true also project, task, tags and user.' })
  async get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: HydratedQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.entries.get(ws, id, query.hydrated));
  }

  /** Replaces the entry (fields left out are cleared; without `end` it runs). */
  @Put(':id')
  @IF_MATCH
  @ApiOperation({ summary: 'Update time entry on a workspace', operationId: 'updateTimeEntry' })
  @ApiOkResponse({ type: TimeEntryWithRatesDto })
  @ApiPreconditionFailedResponse({ description: 'If-Match named an older version.' })
  async update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateTimeEntryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.entries.update(ws, id, body, ifMatch));
  }

  @Delete(':id')
  @IF_MATCH
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a time entry from a workspace', operationId: 'deleteTimeEntry' })
  @ApiNoContentResponse()
  @ApiPreconditionFailedResponse({ description: 'If-Match named an older version.' })
  async delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.entries.delete(ws, id, ifMatch);
  }
}
