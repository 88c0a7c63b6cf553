import { Body, Controller, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import { BalancesService } from './balances.service';
import { BalancesQueryDto, BalancesWithCountDto, UpdateBalanceDto } from './dto/balance.dto';

@ApiTags('Balance')
@Controller('v1/workspaces/:workspaceId/time-off/balance')
export class BalancesController {
  constructor(private readonly balances: BalancesService) {}

  @Get('policy/:policyId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Get balances for a policy', operationId: 'getBalancesForPolicy' })
  @ApiOkResponse({ type: BalancesWithCountDto })
  byPolicy(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Query() query: BalancesQueryDto,
  ): Promise<BalancesWithCountDto> {
    return this.balances.byPolicy(ws, policyId, query);
  }

  @Patch('policy/:policyId')
  @HttpCode(204)
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a balance', operationId: 'updateBalance' })
  @ApiNoContentResponse({ description: 'Balances updated' })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Body() body: UpdateBalanceDto,
  ): Promise<void> {
    return this.balances.update(ws, policyId, body);
  }

  @Get('user/:userId')
  @ApiOperation({ summary: 'Get balance for a user', operationId: 'getBalancesForUser' })
  @ApiOkResponse({ type: BalancesWithCountDto })
  byUser(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: BalancesQueryDto,
  ): Promise<BalancesWithCountDto> {
    return this.balances.byUser(ws, userId, query);
  }
}
