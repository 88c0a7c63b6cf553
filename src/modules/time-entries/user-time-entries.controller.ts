import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  ParseArrayPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  ValidationError,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { createValidationPipe } from '../../common/pipes/validation';
import {
  BulkDeleteQueryDto,
  FromEntryQueryDto,
  HydratedQueryDto,
  TimeEntryListQueryDto,
} from './dto/time-entry-query.dto';
import { CreateTimeEntryDto, StopTimeEntryDto, UpdateTimeEntryBulkDto } from './dto/time-entry-requests.dto';
import { TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { IF_MATCH, withEtag } from './time-entries.controller';
import { TimeEntriesService } from './time-entries.service';
import { TimeEntryBulkService } from './time-entry-bulk.service';
import { TimeEntryListService } from './time-entry-list.service';

const validationErrors = createValidationPipe().createExceptionFactory();

/** A body that is a JSON array of bulk items, each validated like a DTO body. */
const bulkItems = new ParseArrayPipe({
  items: UpdateTimeEntryBulkDto,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (error: unknown) =>
    Array.isArray(error)
      ? validationErrors(error as ValidationError[])
      : new BadRequestException(
          typeof error === 'string' ? 'The body must be a JSON array of time entries' : 'Invalid request',
        ),
});

/** A user's time entries: list, create for them, stop their timer, bulk edit and delete, duplicate. */
@ApiTags('Time entry')
@Controller('v1/workspaces/:workspaceId/user/:userId/time-entries')
export class UserTimeEntriesController {
  constructor(
    private readonly entries: TimeEntriesService,
    private readonly lists: TimeEntryListService,
    private readonly bulk: TimeEntryBulkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get time entries for a user on a workspace', operationId: 'getTimeEntries' })
  @ApiOkResponse({ type: [TimeEntryWithRatesDto] })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: TimeEntryListQueryDto,
  ): Promise<Page<TimeEntryWithRatesDto>> {
    return this.lists.forUser(ws, userId, query);
  }

  /** Admins, and team managers of the user (anyone for themselves). */
  @Post()
  @ApiOperation({ summary: 'Add a new time entry for another user on workspace', operationId: 'createForOthers' })
  @ApiCreatedResponse({ type: TimeEntryWithRatesDto })
  async create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: FromEntryQueryDto,
    @Body() body: CreateTimeEntryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.entries.create(ws, userId, body, query['from-entry']));
  }

  @Patch()
  @IF_MATCH
  @ApiOperation({ summary: 'Stop currently running timer on workspace for user', operationId: 'stopRunningTimeEntry' })
  @ApiOkResponse({ type: TimeEntryWithRatesDto })
  @ApiPreconditionFailedResponse({ description: 'If-Match named an older version of the running entry.' })
  async stop(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: StopTimeEntryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.entries.stop(ws, userId, body, ifMatch));
  }

  /** All entries change in one transaction, or none does. */
  @Put()
  @ApiOperation({ summary: 'Bulk edit time entries', operationId: 'replaceMany' })
  @ApiBody({ type: [UpdateTimeEntryBulkDto] })
  @ApiOkResponse({ type: [TimeEntryWithRatesDto] })
  replaceMany(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: HydratedQueryDto,
    @Body(bulkItems) items: UpdateTimeEntryBulkDto[],
  ): Promise<TimeEntryWithRatesDto[]> {
    return this.bulk.update(ws, userId, items, query.hydrated);
  }

  @Delete()
  @ApiOperation({ summary: 'Delete all time entries for user on workspace', operationId: 'deleteMany' })
  @ApiOkResponse({ type: [TimeEntryWithRatesDto] })
  deleteMany(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: BulkDeleteQueryDto,
  ): Promise<TimeEntryWithRatesDto[]> {
    return this.bulk.delete(ws, userId, query['time-entry-ids']);
  }

  @Post(':id/duplicate')
  @ApiOperation({ summary: 'Duplicate a time entry', operationId: 'duplicateTimeEntry' })
  @ApiCreatedResponse({ type: TimeEntryWithRatesDto })
  async duplicate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('id', ObjectIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimeEntryWithRatesDto> {
    return withEtag(res, await this.bulk.duplicate(ws, userId, id));
  }
}
