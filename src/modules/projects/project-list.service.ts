import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { pageOf } from '../../common/dto/page-query.dto';
import { limitOffset, Page } from '../../common/dto/page';
import type { ProjectDto } from './dto/project.dto';
import type { ProjectListQueryDto } from './dto/project-query.dto';
import { ProjectViewsService } from './project-views.service';
import { ProjectsStore } from './projects.store';

/** GET projects: every filter of the reference, one query for the page and its total. */
@Injectable()
export class ProjectListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: ProjectViewsService,
  ) {}

  async list(ws: WorkspaceContext, query: ProjectListQueryDto): Promise<Page<ProjectDto>> {
    const request = pageOf(query);
    const { limit, offset } = limitOffset(request);
    const manager = this.dataSource.manager;
    const rows = await ProjectsStore.page(manager, ws, { query, limit, offset });
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) total = await ProjectsStore.count(manager, ws, query);
    const items = await this.views.toDtos(ws.workspaceId, rows, { hydrated: query.hydrated });
    return new Page(items, total, request);
  }
}
