import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { RateRequestDto } from '../../common/dto/rate.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ProjectDto } from './dto/project.dto';
import { ProjectEstimateRequestDto } from './dto/project-estimate.dto';
import { AddUsersToProjectRequestDto, UpdateProjectMembershipsRequestDto } from './dto/project-memberships.dto';
import { ProjectListQueryDto, ProjectQueryDto } from './dto/project-query.dto';
import {
  CreateProjectFromTemplateDto,
  PatchProjectTemplateRequestDto,
  ProjectRequestDto,
  UpdateProjectRequestDto,
} from './dto/project-requests.dto';
import { ProjectEstimatesService } from './project-estimates.service';
import { ProjectListService } from './project-list.service';
import { ProjectMembersService } from './project-members.service';
import { ProjectTemplatesService } from './project-templates.service';
import { ProjectsService } from './projects.service';

@ApiTags('Project')
@Controller('v1/workspaces/:workspaceId/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly list: ProjectListService,
    private readonly estimates: ProjectEstimatesService,
    private readonly members: ProjectMembersService,
    private readonly templates: ProjectTemplatesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get all projects on a workspace', operationId: 'getProjects' })
  @ApiOkResponse({ type: ProjectDto, isArray: true })
  findAll(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ProjectListQueryDto): Promise<Page<ProjectDto>> {
    return this.list.list(ws, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a new project', operationId: 'createNewProject' })
  @ApiCreatedResponse({ type: ProjectDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: ProjectRequestDto): Promise<ProjectDto> {
    return this.projects.create(ws, body);
  }

  @Post('from-template')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create project from a template', operationId: 'createProjectFromTemplate' })
  @ApiOkResponse({ type: ProjectDto })
  fromTemplate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateProjectFromTemplateDto,
  ): Promise<ProjectDto> {
    return this.templates.createFromTemplate(ws, body);
  }

  @Get(':projectId')
  @ApiOperation({ summary: 'Find a project by ID', operationId: 'getProject' })
  @ApiOkResponse({ type: ProjectDto })
  findOne(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Query() query: ProjectQueryDto,
  ): Promise<ProjectDto> {
    return this.projects.findOne(ws, projectId, query);
  }

  @Put(':projectId')
  @ApiOperation({ summary: 'Update a project on a workspace', operationId: 'updateProject' })
  @ApiOkResponse({ type: ProjectDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Body() body: UpdateProjectRequestDto,
  ): Promise<ProjectDto> {
    return this.projects.update(ws, projectId, body);
  }

  @Delete(':projectId')
  @ApiOperation({
    summary: 'Delete a project from a workspace',
    operationId: 'deleteProject',
    description: 'Only archived projects can be deleted (400 otherwise).',
  })
  @ApiOkResponse({ type: ProjectDto })
  remove(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
  ): Promise<ProjectDto> {
    return this.projects.remove(ws, projectId);
  }

  @Patch(':projectId/estimate')
  @ApiOperation({ summary: 'Update project estimate', operationId: 'updateEstimate' })
  @ApiOkResponse({ type: ProjectDto })
  updateEstimate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Body() body: ProjectEstimateRequestDto,
  ): Promise<ProjectDto> {
    return this.estimates.update(ws, projectId, body);
  }

  @Post(':projectId/memberships')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign/remove users to/from the project', operationId: 'addUsersToProject' })
  @ApiOkResponse({ type: ProjectDto })
  addUsers(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Body() body: AddUsersToProjectRequestDto,
  ): Promise<ProjectDto> {
    return this.members.addOrRemove(ws, projectId, body);
  }

  @Patch(':projectId/memberships')
  @ApiOperation({ summary: 'Update project memberships', operationId: 'updateMemberships' })
  @ApiOkResponse({ type: ProjectDto })
  updateMemberships(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Body() body: UpdateProjectMembershipsRequestDto,
  ): Promise<ProjectDto> {
    return this.members.replace(ws, projectId, body);
  }

  @Patch(':projectId/template')
  @ApiOperation({ summary: 'Update a project template', operationId: 'updateIsProjectTemplate' })
  @ApiOkResponse({ type: ProjectDto })
  setTemplate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Body() body: PatchProjectTemplateRequestDto,
  ): Promise<ProjectDto> {
    return this.projects.setTemplate(ws, projectId, body.isTemplate);
  }

  @Put(':projectId/users/:userId/cost-rate')
  @ApiOperation({ summary: "Update project user's cost rate", operationId: 'addUsersCostRate' })
  @ApiOkResponse({ type: ProjectDto })
  setCostRate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RateRequestDto,
  ): Promise<ProjectDto> {
    return this.members.setUserRate(ws, projectId, userId, 'COST', body);
  }

  @Put(':projectId/users/:userId/hourly-rate')
  @ApiOperation({ summary: "Update a project user's billable rate", operationId: 'addUsersHourlyRate' })
  @ApiOkResponse({ type: ProjectDto })
  setHourlyRate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RateRequestDto,
  ): Promise<ProjectDto> {
    return this.members.setUserRate(ws, projectId, userId, 'HOURLY', body);
  }
}
