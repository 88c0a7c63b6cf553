import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { parseIsoDuration } from '../../common/utils/time';
import type { ProjectDto } from './dto/project.dto';
import type { EstimateResetRequestDto, ProjectEstimateRequestDto } from './dto/project-estimate.dto';
import type { EstimateReset } from './entities/project.entity';
import { ProjectAccessService } from './project-access.service';
import { ProjectChangesService } from './project-changes.service';
import { type ProjectChanges, ProjectWritesStore } from './project-writes.store';
import { DEFAULT_BUDGET_ESTIMATE, DEFAULT_TIME_ESTIMATE } from './project.mapper';

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toReset(body: EstimateResetRequestDto, current: EstimateReset | null): EstimateReset | null {
  if (body.active === false || body.isActive === false) return null;
  const { active: _a, isActive: _i, ...fields } = body;
  const base: EstimateReset = current ?? { interval: null, dayOfMonth: null, dayOfWeek: null, hour: null, month: null };
  return { ...base, ...definedOnly(fields) };
}

/** PATCH projects/{id}/estimate: time (seconds in storage), budget (cents) and the reset schedule; absent fields keep their value. */
@Injectable()
export class ProjectEstimatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly changes: ProjectChangesService,
  ) {}

  async update(ws: WorkspaceContext, projectId: string, body: ProjectEstimateRequestDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const project = await ProjectWritesStore.find(manager, ws.workspaceId, projectId);
      const changes: ProjectChanges = {};
      if (body.timeEstimate) {
        const { estimate, ...rest } = body.timeEstimate;
        changes.timeEstimate = {
          ...DEFAULT_TIME_ESTIMATE,
          ...(project.timeEstimate ?? {}),
          ...definedOnly(rest),
          ...(estimate !== undefined ? { estimate: parseIsoDuration(estimate) ?? 0 } : {}),
        };
      }
      if (body.budgetEstimate) {
        changes.budgetEstimate = {
          ...DEFAULT_BUDGET_ESTIMATE,
          ...(project.budgetEstimate ?? {}),
          ...definedOnly(body.budgetEstimate),
        };
      }
      if (body.estimateReset) changes.estimateReset = toReset(body.estimateReset, project.estimateReset);
      if (Object.keys(changes).length) await ProjectWritesStore.update(manager, ws.workspaceId, projectId, changes);
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }
}
