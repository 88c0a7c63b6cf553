import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { TagQueryDto } from './dto/tag-query.dto';
import { CreateTagDto, UpdateTagDto } from './dto/tag-requests.dto';
import { TagDto } from './dto/tag.dto';
import { TagsService } from './tags.service';

@ApiTags('Tag')
@Controller('v1/workspaces/:workspaceId/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({ summary: 'Find tags on a workspace', operationId: 'getTags' })
  @ApiOkResponse({ type: [TagDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: TagQueryDto): Promise<Page<TagDto>> {
    return this.tags.list(ws.workspaceId, query);
  }

  /** Admins, or any member unless the workspace setting onlyAdminsCreateTag is on. */
  @Post()
  @ApiOperation({ summary: 'Add a new tag', operationId: 'createNewTag' })
  @ApiCreatedResponse({ type: TagDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateTagDto): Promise<TagDto> {
    return this.tags.create(ws, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tag by ID', operationId: 'getTag' })
  @ApiOkResponse({ type: TagDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<TagDto> {
    return this.tags.get(ws.workspaceId, id);
  }

  @Put(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a tag', operationId: 'updateTag' })
  @ApiOkResponse({ type: TagDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateTagDto,
  ): Promise<TagDto> {
    return this.tags.update(ws, id, body);
  }

  @Delete(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Delete a tag', operationId: 'deleteTag' })
  @ApiOkResponse({ type: TagDto })
  delete(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<TagDto> {
    return this.tags.delete(ws, id);
  }
}
