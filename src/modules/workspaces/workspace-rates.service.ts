import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RateRequestDto, RateWithCurrencyRequestDto } from '../../common/dto/rate.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { RateKind } from '../rates/entities/rate.entity';
import { RatesService } from '../rates/rates.service';
import type { WorkspaceDto } from './dto/workspace.dto';
import { rateEvent } from './workspace-events';
import { WorkspacesService } from './workspaces.service';
import { WorkspacesStore } from './workspaces.store';

/** ISO 4217-looking codes are stored uppercase; other currency names are kept as sent. */
export function normalizeCurrency(currency: string): string {
  const trimmed = currency.trim();
  return /^[a-z]{3}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

/**
 * Workspace-level and member-level hourly (billable) and cost rates. Rates
 * keep a history: one set `since` a date applies from that date on; without
 * `since`, to all time (RatesService.set re-prices the entries). Amounts are cents in the workspace's currency.
 */
@Injectable()
export class WorkspaceRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: WorkspacesStore,
    private readonly rates: RatesService,
    private readonly workspaces: WorkspacesService,
    private readonly outbox: OutboxService,
  ) {}

  /** PUT /workspaces/{id}/hourly-rate: also makes `currency` the workspace's currency. */
  setWorkspaceHourlyRate(workspaceId: string, body: RateWithCurrencyRequestDto): Promise<WorkspaceDto> {
    return this.dataSource.transaction(async (manager) => {
      const currency = normalizeCurrency(body.currency);
      if (!currency) throw new BadRequestException('currency must not be blank');
      await this.store.setCurrency(manager, workspaceId, currency);
      return this.setRate(manager, workspaceId, null, 'HOURLY', body);
    });
  }

  /** PUT /workspaces/{id}/cost-rate, in the workspace's currency. */
  setWorkspaceCostRate(workspaceId: string, body: RateRequestDto): Promise<WorkspaceDto> {
    return this.dataSource.transaction((manager) => this.setRate(manager, workspaceId, null, 'COST', body));
  }

  /** PUT /workspaces/{id}/users/{userId}/hourly-rate or cost-rate; the user must be a member (any status). */
  setMemberRate(workspaceId: string, userId: string, kind: RateKind, body: RateRequestDto): Promise<WorkspaceDto> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.store.findMember(manager, workspaceId, userId);
      if (!member) throw new NotFoundException('User is not a member of this workspace');
      return this.setRate(manager, workspaceId, userId, kind, body);
    });
  }

  private async setRate(
    manager: EntityManager,
    workspaceId: string,
    userId: string | null,
    kind: RateKind,
    body: RateRequestDto,
  ): Promise<WorkspaceDto> {
    const workspace = await this.workspaces.findOne(workspaceId, manager);
    const since = body.since === undefined ? undefined : new Date(body.since);
    await this.rates.set(
      manager,
      { workspaceId, userId },
      kind,
      { amount: body.amount, currency: workspace.currency },
      since,
    );
    const dto = await this.workspaces.toDto(workspace, manager);
    await this.outbox.record(
      manager,
      rateEvent(dto, kind, userId ? { type: 'USER', id: userId } : { type: 'WORKSPACE', id: workspaceId }),
    );
    return dto;
  }
}
