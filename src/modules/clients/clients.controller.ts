import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ClientsService } from './clients.service';
import { ClientQueryDto, UpdateClientQueryDto } from './dto/client-query.dto';
import { CreateClientDto, UpdateClientDto } from './dto/client-requests.dto';
import { ClientWithCurrencyDto } from './dto/client.dto';

@ApiTags('Client')
@Controller('v1/workspaces/:workspaceId/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOperation({ summary: 'Find clients on a workspace', operationId: 'getClients' })
  @ApiOkResponse({ type: [ClientWithCurrencyDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ClientQueryDto): Promise<Page<ClientWithCurrencyDto>> {
    return this.clients.list(ws.workspaceId, query);
  }

  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Add a new client', operationId: 'createClient' })
  @ApiCreatedResponse({ type: ClientWithCurrencyDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateClientDto): Promise<ClientWithCurrencyDto> {
    return this.clients.create(ws, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a client by ID', operationId: 'getClient' })
  @ApiOkResponse({ type: ClientWithCurrencyDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<ClientWithCurrencyDto> {
    return this.clients.get(ws.workspaceId, id);
  }

  @Put(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a client', operationId: 'updateClient' })
  @ApiOkResponse({ type: ClientWithCurrencyDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: UpdateClientQueryDto,
    @Body() body: UpdateClientDto,
  ): Promise<ClientWithCurrencyDto> {
    return this.clients.update(ws, id, body, query);
  }

  @Delete(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Delete a client', operationId: 'deleteClient' })
  @ApiOkResponse({ type: ClientWithCurrencyDto })
  delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
  ): Promise<ClientWithCurrencyDto> {
    return this.clients.delete(ws, id);
  }
}
