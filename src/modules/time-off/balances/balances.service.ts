import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { PoliciesStore } from '../policies/policies.store';
import { mayActForUser } from '../../../common/access';
import { ensurePolicyBalances, ensureUserBalances } from '../shared/balance-rows.store';
import { BalanceLedger } from './balance-ledger.service';
import { BalancesStore } from './balances.store';
import type { BalancesQueryDto, BalancesWithCountDto, UpdateBalanceDto } from './dto/balance.dto';

/** Balance lists (by policy, by user) and their adjustment by admins. */
@Injectable()
export class BalancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PoliciesStore,
    private readonly store: BalancesStore,
    private readonly ledger: BalanceLedger,
  ) {}

  /** Every member the policy applies to has a balance (zero until set). */
  byPolicy(ws: WorkspaceContext, policyId: string, query: BalancesQueryDto): Promise<BalancesWithCountDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.policies.row(manager, ws.workspaceId, policyId);
      await ensurePolicyBalances(manager, ws.workspaceId, policyId);
      return this.store.byPolicy(manager, ws.workspaceId, policyId, query);
    });
  }

  /** The user's balances in every policy; for the user, an admin or the user's team manager. */
  byUser(ws: WorkspaceContext, userId: string, query: BalancesQueryDto): Promise<BalancesWithCountDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.store.isMember(manager, ws.workspaceId, userId))) throw new NotFoundException('User not found');
      if (!(await mayActForUser(manager, ws, userId))) {
        throw new ForbiddenException("Only admins and the user's team managers see another user's balances");
      }
      await ensureUserBalances(manager, ws.workspaceId, userId);
      return this.store.byUser(manager, ws.workspaceId, userId, query);
    });
  }

  /** Sets the users' balances in the policy to `value`, in one transaction (all or none), each with BALANCE_UPDATED. */
  update(ws: WorkspaceContext, policyId: string, dto: UpdateBalanceDto): Promise<void> {
    const userIds = [...new Set(dto.userIds)].sort();
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.row(manager, ws.workspaceId, policyId);
      if ((await this.policies.countMembers(manager, ws.workspaceId, userIds)) !== userIds.length)
        throw new NotFoundException('User not found');
      for (const userId of userIds) {
        await this.ledger.apply(manager, ws, policy, {
          userId,
          amount: dto.value,
          reason: 'ADJUSTMENT',
          note: dto.note ?? null,
        });
      }
    });
  }
}
