import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import { toClientWithCurrencyDto } from './client.mapper';
import type { ClientQueryDto, UpdateClientQueryDto } from './dto/client-query.dto';
import type { CreateClientDto, UpdateClientDto } from './dto/client-requests.dto';
import type { ClientDto, ClientWithCurrencyDto } from './dto/client.dto';
import { Client } from './entities/client.entity';
import { ClientsStore } from './clients.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ clients_name_key: `Client with name '${name}' already exists` });

const ENTITY_TYPE = 'CLIENT';

@Injectable()
export class ClientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async list(workspaceId: string, query: ClientQueryDto): Promise<Page<ClientWithCurrencyDto>> {
    const request = pageOf(query);
    const [clients, total] = await ClientsStore.page(this.dataSource.manager, workspaceId, query, request);
    const currency = await this.workspaceCurrency(this.dataSource.manager, workspaceId);
    return new Page(
      clients.map((c) => toClientWithCurrencyDto(c, currency)),
      total,
      request,
    );
  }

  async get(workspaceId: string, id: string): Promise<ClientWithCurrencyDto> {
    const client = await this.find(this.dataSource.manager, workspaceId, id);
    return toClientWithCurrencyDto(client, await this.workspaceCurrency(this.dataSource.manager, workspaceId));
  }

  async create(ws: WorkspaceContext, dto: CreateClientDto): Promise<ClientWithCurrencyDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const client = await ClientsStore.insert(manager, {
          id: newId(),
          workspaceId: ws.workspaceId,
          name: dto.name,
          email: dto.email ?? null,
          address: dto.address ?? null,
          note: dto.note ?? null,
          ccEmails: [],
          currencyCode: null,
          archived: false,
        });
        const result = toClientWithCurrencyDto(client, await this.workspaceCurrency(manager, ws.workspaceId));
        await this.record(manager, client.workspaceId, client.id, 'NEW_CLIENT', result);
        return result;
      }),
    );
  }

  async update(
    ws: WorkspaceContext,
    id: string,
    dto: UpdateClientDto,
    options: UpdateClientQueryDto,
  ): Promise<ClientWithCurrencyDto> {
    return conflictOnUnique(nameTaken(dto.name ?? ''), () =>
      this.dataSource.transaction(async (manager) => {
        const client = await this.find(manager, ws.workspaceId, id, true);
        if (dto.currencyId !== undefined) {
          if (dto.currencyId !== ws.workspaceId) throw new NotFoundException('Currency not found');
          client.currencyCode = await this.workspaceCurrency(manager, ws.workspaceId);
        }
        if (dto.name !== undefined) client.name = dto.name;
        if (dto.email !== undefined) client.email = dto.email;
        if (dto.address !== undefined) client.address = dto.address;
        if (dto.note !== undefined) client.note = dto.note;
        if (dto.ccEmails !== undefined) client.ccEmails = dto.ccEmails;
        if (dto.archived !== undefined) client.archived = dto.archived;
        const { name, email, address, note, ccEmails, currencyCode, archived } = client;
        await ClientsStore.update(manager, ws.workspaceId, id, {
          name,
          email,
          address,
          note,
          ccEmails,
          currencyCode,
          archived,
        });
        if (client.archived && options['archive-projects']) {
          await ClientsStore.archiveProjects(manager, ws.workspaceId, id, !!options['mark-tasks-as-done']);
        }
        const result = toClientWithCurrencyDto(client, await this.workspaceCurrency(manager, ws.workspaceId));
        await this.record(manager, ws.workspaceId, id, 'CLIENT_UPDATED', result);
        return result;
      }),
    );
  }

  /** Only an archived client may be deleted; its projects stay, without a client. */
  async delete(ws: WorkspaceContext, id: string): Promise<ClientWithCurrencyDto> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.find(manager, ws.workspaceId, id, true);
      if (!client.archived) throw new BadRequestException('Client must be archived before deletion');
      await ClientsStore.delete(manager, ws.workspaceId, id);
      const result = toClientWithCurrencyDto(client, await this.workspaceCurrency(manager, ws.workspaceId));
      await this.record(manager, ws.workspaceId, id, 'CLIENT_DELETED', result);
      return result;
    });
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<Client> {
    const client = await ClientsStore.find(manager, workspaceId, id, lock);
    if (!client) throw new NotFoundException('Client not found');
    return client;
  }

  private async workspaceCurrency(manager: EntityManager, workspaceId: string): Promise<string> {
    const currency = await ClientsStore.workspaceCurrency(manager, workspaceId);
    if (currency === null) throw new NotFoundException('Workspace not found');
    return currency;
  }

  private record(
    manager: EntityManager,
    workspaceId: string,
    entityId: string,
    event: string,
    payload: ClientDto,
  ): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}
