import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { CustomFieldDto } from './dto/custom-field.dto';
import { ProjectCustomFieldQueryDto } from './dto/custom-field-query.dto';
import { CustomFieldProjectDefaultValuesRequestDto } from './dto/custom-field-request.dto';
import { ProjectCustomFieldsService } from './project-custom-fields.service';

@ApiTags('Custom fields')
@Controller('v1/workspaces/:workspaceId/projects/:projectId/custom-fields')
export class ProjectCustomFieldsController {
  constructor(private readonly service: ProjectCustomFieldsService) {}

  @Get()
  @ApiOperation({ summary: 'Get custom fields on a project', operationId: 'getCustomFieldsOfProject' })
  @ApiOkResponse({ type: [CustomFieldDto] })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Query() query: ProjectCustomFieldQueryDto,
  ): Promise<CustomFieldDto[]> {
    return this.service.list(ws, projectId, query);
  }

  @Patch(':customFieldId')
  @ApiOperation({ summary: 'Update custom field on a project', operationId: 'editProjectCustomFieldDefaultValue' })
  @ApiOkResponse({ type: CustomFieldDto })
  patch(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('customFieldId', ObjectIdPipe) fieldId: string,
    @Body() body: CustomFieldProjectDefaultValuesRequestDto,
  ): Promise<CustomFieldDto> {
    return this.service.patch(ws, projectId, fieldId, body);
  }

  @Delete(':customFieldId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove custom field from a project', operationId: 'removeDefaultValueOfProject' })
  @ApiOkResponse({ type: CustomFieldDto })
  reset(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Param('customFieldId', ObjectIdPipe) fieldId: string,
  ): Promise<CustomFieldDto> {
    return this.service.reset(ws, projectId, fieldId);
  }
}
