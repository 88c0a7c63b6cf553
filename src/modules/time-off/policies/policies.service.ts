import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import { conflictOnUnique } from '../../../common/utils/sql';
import { replaceLinks } from '../shared/assignees.store';
import { includedIds } from '../shared/included-ids';
import { ensurePolicyBalances } from '../shared/balance-rows.store';
import { autoEntrySettings, jsonOrNull } from '../shared/time-off-shared.dto';
import type { Page } from '../../../common/dto/page';
import type {
  ChangePolicyStatusDto,
  CreatePolicyDto,
  PoliciesQueryDto,
  UpdatePolicyDto,
} from './dto/policy-requests.dto';
import type { PolicyDto } from './dto/policy.dto';
import { PoliciesStore } from './policies.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ time_off_policies_name_key: `Policy with name '${name}' already exists` });

const LINKS = { users: 'time_off_policy_users', groups: 'time_off_policy_user_groups', owner: 'policy_id' };

/** Creating, changing, archiving and deleting time-off policies, each with its outbox event. */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly store: PoliciesStore,
  ) {}

  list(workspaceId: string, query: PoliciesQueryDto): Promise<Page<PolicyDto>> {
    return this.store.list(workspaceId, query);
  }

  get(workspaceId: string, id: string): Promise<PolicyDto> {
    return this.store.one(this.dataSource.manager, workspaceId, id);
  }

  create(ws: WorkspaceContext, dto: CreatePolicyDto): Promise<PolicyDto> {
    const id = newId();
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.store.insert(manager, ws.workspaceId, id, dto.name, dto.timeUnit ?? 'DAYS');
        return this.write(manager, ws.workspaceId, id, { ...dto, archived: dto.archived ?? false }, 'POLICY_CREATED');
      }),
    );
  }

  update(ws: WorkspaceContext, id: string, dto: UpdatePolicyDto): Promise<PolicyDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.store.row(manager, ws.workspaceId, id, true);
        return this.write(manager, ws.workspaceId, id, dto, 'POLICY_UPDATED');
      }),
    );
  }

  changeStatus(ws: WorkspaceContext, id: string, dto: ChangePolicyStatusDto): Promise<PolicyDto> {
    if (dto.status === 'ALL') throw new BadRequestException('status must be ACTIVE or ARCHIVED');
    return this.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, id, true);
      await this.store.setArchived(manager, ws.workspaceId, id, dto.status === 'ARCHIVED');
      const policy = await this.store.one(manager, ws.workspaceId, id);
      await this.record(manager, policy, 'POLICY_UPDATED');
      return policy;
    });
  }

  /** Deletes an archived policy with its balances and requests (as Clockify, active policies are archived first). */
  delete(ws: WorkspaceContext, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.row(manager, ws.workspaceId, id, true);
      if (!row.archived) throw new BadRequestException('Only an archived policy can be deleted; archive it first');
      const policy = await this.store.one(manager, ws.workspaceId, id);
      await this.store.delete(manager, ws.workspaceId, id);
      await this.record(manager, policy, 'POLICY_DELETED');
    });
  }

  /** Sets the fields of the policy from a create or PUT body, its users and groups, and the balances of its members. */
  private async write(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    dto: UpdatePolicyDto | CreatePolicyDto,
    event: string,
  ): Promise<PolicyDto> {
    const userIds = includedIds(dto.users, 'users');
    const groupIds = includedIds(dto.userGroups, 'userGroups');
    const approverIds = [...new Set(dto.approve.userIds ?? [])];
    await this.checkMembers(manager, workspaceId, approverIds);
    const approve = {
      requiresApproval: dto.approve.requiresApproval ?? false,
      specificMembers: dto.approve.specificMembers ?? false,
      teamManagers: dto.approve.teamManagers ?? false,
      userIds: approverIds,
    };
    const negative = dto.negativeBalance
      ? {
          amount: dto.negativeBalance.amount,
          period: dto.negativeBalance.period ?? null,
          shouldReset: dto.negativeBalance.shouldReset ?? false,
          timeUnit: dto.negativeBalance.timeUnit ?? null,
        }
      : null;
    const accrual = dto.automaticAccrual
      ? {
          amount: dto.automaticAccrual.amount,
          period: dto.automaticAccrual.period ?? null,
          timeUnit: dto.automaticAccrual.timeUnit ?? null,
        }
      : null;
    await this.store.write(manager, workspaceId, id, {
      name: dto.name,
      approve: JSON.stringify(approve),
      allowHalfDay: dto.allowHalfDay ?? false,
      allowNegativeBalance: dto.allowNegativeBalance ?? false,
      negativeBalance: jsonOrNull(negative),
      automaticAccrual: jsonOrNull(accrual),
      automaticTimeEntryCreation: jsonOrNull(autoEntrySettings(dto.automaticTimeEntryCreation)),
      color: dto.color ?? null,
      icon: dto.icon ?? null,
      hasExpiration: dto.hasExpiration ?? false,
      everyone: dto.everyoneIncludingNew ?? false,
      archived: dto.archived ?? false,
    });
    await replaceLinks(manager, LINKS, workspaceId, id, userIds, groupIds);
    await ensurePolicyBalances(manager, workspaceId, id);
    const policy = await this.store.one(manager, workspaceId, id);
    await this.record(manager, policy, event);
    return policy;
  }

  private async checkMembers(manager: EntityManager, workspaceId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    if ((await this.store.countMembers(manager, workspaceId, userIds)) !== userIds.length)
      throw new NotFoundException('User not found');
  }

  private record(manager: EntityManager, policy: PolicyDto, event: string): Promise<void> {
    return this.outbox.record(manager, {
      workspaceId: policy.workspaceId,
      entityType: 'POLICY',
      entityId: policy.id,
      event,
      payload: policy,
    });
  }
}
