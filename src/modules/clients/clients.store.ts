import { EntityManager } from 'typeorm';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { likePattern } from '../../common/utils/sql';
import { ProjectWritesStore } from '../projects/project-writes.store';
import { TasksStore } from '../tasks/tasks.store';
import { Workspace } from '../workspaces/entities/workspace.entity';
import type { ClientQueryDto } from './dto/client-query.dto';
import { Client } from './entities/client.entity';

/** The columns of a client an update writes. */
export type ClientChanges = Pick<
  Client,
  'name' | 'email' | 'address' | 'note' | 'ccEmails' | 'currencyCode' | 'archived'
>;

/** SQL of clients (the caller passes the manager, and with it its transaction). */
export const ClientsStore = {
  /** A page of the workspace's clients matching the query, and how many match. */
  async page(
    manager: EntityManager,
    workspaceId: string,
    query: ClientQueryDto,
    request: PageRequest,
  ): Promise<[Client[], number]> {
    const qb = manager
      .getRepository(Client)
      .createQueryBuilder('c')
      .where('c.workspace_id = :workspaceId', { workspaceId });
    if (query.name) qb.andWhere(`c.name ILIKE :name ESCAPE '\\'`, { name: likePattern(query.name) });
    if (query.archived !== undefined) qb.andWhere('c.archived = :archived', { archived: query.archived });
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    if (query['sort-column'] === 'ID') qb.orderBy('c.id', order);
    else qb.orderBy('lower(c.name)', order).addOrderBy('c.id', order);
    return qb
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
  },

  /** The client, locked FOR UPDATE when `lock`; null when it is not in this workspace. */
  find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<Client | null> {
    return manager.findOne(Client, {
      where: { workspaceId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  },

  /** The workspace's currency; null when there is no such workspace. */
  async workspaceCurrency(manager: EntityManager, workspaceId: string): Promise<string | null> {
    const workspace = await manager.findOne(Workspace, {
      where: { id: workspaceId },
      select: { id: true, currency: true },
    });
    return workspace ? workspace.currency : null;
  },

  async insert(manager: EntityManager, values: Omit<Client, 'createdAt'>): Promise<Client> {
    const client = manager.create(Client, values);
    await manager.insert(Client, client);
    return client;
  },

  async update(manager: EntityManager, workspaceId: string, id: string, changes: ClientChanges): Promise<void> {
    await manager.update(Client, { workspaceId, id }, changes);
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(Client, { workspaceId, id });
  },

  /** Archives the client's projects, and marks their tasks done when `markTasksDone`. */
  async archiveProjects(
    manager: EntityManager,
    workspaceId: string,
    clientId: string,
    markTasksDone: boolean,
  ): Promise<void> {
    await ProjectWritesStore.archiveForClient(manager, workspaceId, clientId);
    if (markTasksDone) await TasksStore.markDoneForClient(manager, workspaceId, clientId);
  },
};
