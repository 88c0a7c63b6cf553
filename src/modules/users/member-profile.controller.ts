import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { MemberProfileDto, MemberProfileRequestDto } from './dto/member-profile.dto';
import { MemberProfileService } from './member-profile.service';

/** A member's profile: readable and changeable by the member themself or an admin. */
@ApiTags('User')
@ApiParam({
  name: 'workspaceId',
  description: 'Represents workspace identifier across the system.',
  example: '64a687e29ae1f428e7ebe303',
})
@Controller('v1/workspaces/:workspaceId/member-profile/:userId')
export class MemberProfileController {
  constructor(private readonly profiles: MemberProfileService) {}

  @Get()
  @ApiOperation({ summary: "Get a member's profile", operationId: 'getMemberProfile' })
  @ApiOkResponse({ type: MemberProfileDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: "Another member's profile, without being an admin" })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<MemberProfileDto> {
    return this.profiles.get(ws.workspaceId, ws, userId);
  }

  @Patch()
  @ApiOperation({ summary: "Update a member's profile", operationId: 'updateMemberProfileWithAdditionalData' })
  @ApiOkResponse({ type: MemberProfileDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: "Another member's profile, without being an admin" })
  @ApiNotFoundResponse({ type: ErrorDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: MemberProfileRequestDto,
  ): Promise<MemberProfileDto> {
    return this.profiles.update(ws.workspaceId, ws, userId, body);
  }
}
