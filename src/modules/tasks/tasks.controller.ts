import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import type { Page } from '../../common/dto/page';
import { RateRequestDto } from '../../common/dto/rate.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ProjectAccessService } from '../projects/project-access.service';
import { TaskListQueryDto, TaskWriteQueryDto } from './dto/task-query.dto';
import { CreateTaskRequestDto, UpdateTaskRequestDto } from './dto/task-request.dto';
import { TaskDto } from './dto/task.dto';
import { TaskViewsService } from './task-views.service';
import { TasksService } from './tasks.service';

@ApiTags('Task')
@Controller('v1/workspaces/:workspaceId/projects/:projectId/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly views: TaskViewsService,
    private readonly access: ProjectAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find tasks on a project', operationId: 'getTasks' })
  @ApiOkResponse({ type: [TaskDto] })
  async list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Query() query: TaskListQueryDto,
  ): Promise<Page<TaskDto>> {
    await this.access.assertVisible(ws, projectId);
    return this.views.list(ws.workspaceId, projectId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a new task on a project', operationId: 'createTask' })
  @ApiCreatedResponse({ type: TaskDto })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Query() query: TaskWriteQueryDto,
    @Body() body: CreateTaskRequestDto,
  ): Promise<TaskDto> {
    return this.tasks.create(ws, projectId, body, query['contains-assignee'] ?? true);
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'Get a task by id', operationId: 'getTask' })
  @ApiOkResponse({ type: TaskDto })
  async get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('taskId', ObjectIdPipe) taskId: string,
  ): Promise<TaskDto> {
    await this.access.assertVisible(ws, projectId);
    return this.views.one(ws.workspaceId, await this.views.findEntity(ws.workspaceId, projectId, taskId));
  }

  @Put(':taskId')
  @ApiOperation({ summary: 'Update a task on a project', operationId: 'updateTask' })
  @ApiOkResponse({ type: TaskDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('taskId', ObjectIdPipe) taskId: string,
    @Query() query: TaskWriteQueryDto,
    @Body() body: UpdateTaskRequestDto,
  ): Promise<TaskDto> {
    return this.tasks.update(ws, projectId, taskId, body, query['contains-assignee'] ?? true);
  }

  @Delete(':taskId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a task from a project', operationId: 'deleteTask' })
  @ApiOkResponse({ type: TaskDto })
  remove(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('taskId', ObjectIdPipe) taskId: string,
  ): Promise<TaskDto> {
    return this.tasks.remove(ws, projectId, taskId);
  }

  @Put(':id/hourly-rate')
  @ApiOperation({ summary: "Update a task's billable rate", operationId: 'setTaskHourlyRate' })
  @ApiOkResponse({ type: TaskDto })
  setHourlyRate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('id', ObjectIdPipe) taskId: string,
    @Body() body: RateRequestDto,
  ): Promise<TaskDto> {
    return this.tasks.setRate(ws, projectId, taskId, 'HOURLY', body);
  }

  @Put(':id/cost-rate')
  @ApiOperation({ summary: "Update a task's cost rate", operationId: 'setTaskCostRate' })
  @ApiOkResponse({ type: TaskDto })
  setCostRate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('id', ObjectIdPipe) taskId: string,
    @Body() body: RateRequestDto,
  ): Promise<TaskDto> {
    return this.tasks.setRate(ws, projectId, taskId, 'COST', body);
  }
}
