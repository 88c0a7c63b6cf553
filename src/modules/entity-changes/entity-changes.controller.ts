import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { EntityChangesQueryDto } from './dto/entity-changes-query.dto';
import { EntityDocumentDto, PageableCollectionLogBinDocumentDto } from './dto/entity-change.dto';
import { EntityChangesService, FeedPage } from './entity-changes.service';

const NEXT_CURSOR = 'X-Next-Cursor';
const cursorHeader = {
  [NEXT_CURSOR]: { description: 'Pass as `cursor` to read the changes after these.', schema: { type: 'string' } },
};
const documents = {
  description: 'The entities, each as the REST API returned it after the change, in feed order.',
  headers: cursorHeader,
  schema: { type: 'array', items: { $ref: getSchemaPath(EntityDocumentDto) } },
};

/**
 * The change feed (Clockify's "Entity changes", experimental there), read
 * from the outbox: every change exactly once, in order, deletions included.
 * Workspace admins and add-ons.
 */
@ApiTags('Entity changes')
@ApiExtraModels(EntityDocumentDto)
@Roles('WORKSPACE_ADMIN')
@Controller('v1/workspaces/:workspaceId/entities')
export class EntityChangesController {
  constructor(private readonly changes: EntityChangesService) {}

  @Get('created')
  @ApiOperation({ summary: 'Created entities (Experimental)', operationId: 'getCreatedEntityInfo' })
  @ApiOkResponse(documents)
  async created(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: EntityChangesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EntityDocumentDto[]> {
    return withCursor(res, await this.changes.read(ws.workspaceId, 'created', query)).items as EntityDocumentDto[];
  }

  @Get('updated')
  @ApiOperation({ summary: 'Updated entities (Experimental)', operationId: 'getUpdatedEntityInfo' })
  @ApiOkResponse(documents)
  async updated(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: EntityChangesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EntityDocumentDto[]> {
    return withCursor(res, await this.changes.read(ws.workspaceId, 'updated', query)).items as EntityDocumentDto[];
  }

  @Get('deleted')
  @ApiOperation({ summary: 'Deleted entities (Experimental)', operationId: 'getDeletedEntityInfo' })
  @ApiOkResponse({ type: PageableCollectionLogBinDocumentDto, headers: cursorHeader })
  async deleted(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: EntityChangesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PageableCollectionLogBinDocumentDto> {
    const page = withCursor(res, await this.changes.read(ws.workspaceId, 'deleted', query));
    return { response: page.items as PageableCollectionLogBinDocumentDto['response'], nextCursor: page.nextCursor };
  }
}

function withCursor(res: Response, page: FeedPage): FeedPage {
  if (page.nextCursor) res.setHeader(NEXT_CURSOR, page.nextCursor);
  return page;
}
