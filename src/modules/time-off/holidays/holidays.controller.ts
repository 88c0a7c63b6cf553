import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import {
  CreateHolidayDto,
  HolidaysInPeriodQueryDto,
  HolidaysQueryDto,
  UpdateHolidayDto,
} from './dto/holiday-requests.dto';
import { DeletedHolidayDto, HolidayDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';

@ApiTags('Holiday')
@Controller('v1/workspaces/:workspaceId/holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @ApiOperation({ summary: 'Get holidays on a workspace', operationId: 'getHolidays' })
  @ApiOkResponse({ type: [HolidayDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: HolidaysQueryDto): Promise<HolidayDto[]> {
    return this.holidays.list(ws.workspaceId, query['assigned-to']);
  }

  @Get('in-period')
  @ApiOperation({ summary: 'Get holidays in a specific period', operationId: 'getHolidaysInPeriod' })
  @ApiOkResponse({ type: [HolidayDto] })
  inPeriod(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: HolidaysInPeriodQueryDto): Promise<HolidayDto[]> {
    return this.holidays.inPeriod(ws.workspaceId, query);
  }

  @Post()
  @HttpCode(200)
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Create a holiday', operationId: 'createHoliday' })
  @ApiOkResponse({ type: HolidayDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateHolidayDto): Promise<HolidayDto> {
    return this.holidays.create(ws, body);
  }

  @Put(':holidayId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a holiday', operationId: 'updateHoliday' })
  @ApiOkResponse({ type: HolidayDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('holidayId', ObjectIdPipe) holidayId: string,
    @Body() body: UpdateHolidayDto,
  ): Promise<HolidayDto> {
    return this.holidays.update(ws, holidayId, body);
  }

  @Delete(':holidayId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Delete a holiday', operationId: 'deleteHoliday' })
  @ApiOkResponse({ type: DeletedHolidayDto })
  delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('holidayId', ObjectIdPipe) holidayId: string,
  ): Promise<DeletedHolidayDto> {
    return this.holidays.delete(ws, holidayId);
  }
}
