import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { UserCustomFieldValueDto } from './dto/custom-field.dto';
import { UpsertUserCustomFieldRequestDto } from './dto/custom-field-request.dto';
import { UserCustomFieldValuesService } from './user-custom-field-values.service';

@ApiTags('User')
@Controller('v1/workspaces/:workspaceId/users/:userId/custom-field/:customFieldId/value')
export class UserCustomFieldValuesController {
  constructor(private readonly service: UserCustomFieldValuesService) {}

  @Put()
  @HttpCode(201)
  @ApiOperation({ summary: "Update a user's custom field", operationId: 'upsertUserCustomFieldValue' })
  @ApiCreatedResponse({ type: UserCustomFieldValueDto })
  upsert(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('customFieldId', ObjectIdPipe) fieldId: string,
    @Body() body: UpsertUserCustomFieldRequestDto,
  ): Promise<UserCustomFieldValueDto> {
    return this.service.upsert(ws, userId, fieldId, body.value);
  }
}
