import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to a domain entity, written in the transaction of the change.
 * Webhook delivery and the change feed read from here. `txId` (the writing
 * transaction, xid8) lets readers avoid skipping rows of transactions that
 * commit out of position order.
 */
@Entity('outbox')
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'char', length: 24 })
  entityId: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
