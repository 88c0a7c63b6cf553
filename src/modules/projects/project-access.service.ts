import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertProjectManageable, assertProjectVisible, isProjectManager } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';

/**
 * The project rules of common/access (who sees and who manages a project), injectable with this module's
 * DataSource for the modules that import ProjectsModule.
 */
@Injectable()
export class ProjectAccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws 404 unless the project exists in the workspace and the caller may see it. */
  assertVisible(
    ws: WorkspaceContext,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    return assertProjectVisible(manager, ws, projectId);
  }

  /** Throws 404 when the project is not visible, 403 when visible but the caller may not manage it. */
  assertManageable(
    ws: WorkspaceContext,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    return assertProjectManageable(manager, ws, projectId);
  }

  isProjectManager(
    ws: WorkspaceContext,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return isProjectManager(manager, ws, projectId);
  }
}
