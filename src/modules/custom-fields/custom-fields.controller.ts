import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { CustomFieldViewsService } from './custom-field-views.service';
import { CustomFieldsService } from './custom-fields.service';
import { CustomFieldQueryDto } from './dto/custom-field-query.dto';
import { CustomFieldRequestDto, UpdateCustomFieldRequestDto } from './dto/custom-field-request.dto';
import { CustomFieldDto } from './dto/custom-field.dto';

@ApiTags('Custom fields')
@Controller('v1/workspaces/:workspaceId/custom-fields')
export class CustomFieldsController {
  constructor(
    private readonly fields: CustomFieldsService,
    private readonly views: CustomFieldViewsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get custom fields on a workspace', operationId: 'ofWorkspace' })
  @ApiOkResponse({ type: [CustomFieldDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: CustomFieldQueryDto): Promise<CustomFieldDto[]> {
    return this.views.list(ws.workspaceId, query);
  }

  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Create custom fields on a workspace', operationId: 'create' })
  @ApiCreatedResponse({ type: CustomFieldDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CustomFieldRequestDto): Promise<CustomFieldDto> {
    return this.fields.create(ws.workspaceId, body);
  }

  @Put(':customFieldId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update custom field on workspace', operationId: 'editCustomField' })
  @ApiOkResponse({ type: CustomFieldDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('customFieldId', ObjectIdPipe) id: string,
    @Body() body: UpdateCustomFieldRequestDto,
  ): Promise<CustomFieldDto> {
    return this.fields.update(ws.workspaceId, id, body);
  }

  @Delete(':customFieldId')
  @Roles('WORKSPACE_ADMIN')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a custom field', operationId: 'delete' })
  @ApiNoContentResponse()
  remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('customFieldId', ObjectIdPipe) id: string): Promise<void> {
    return this.fields.remove(ws.workspaceId, id);
  }
}
