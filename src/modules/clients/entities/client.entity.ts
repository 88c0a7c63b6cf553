import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A client of the workspace; projects may belong to one. Names are unique per workspace, case-insensitively. */
@Entity('clients')
export class Client {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'cc_emails', type: 'text', array: true, default: () => "'{}'" })
  ccEmails: string[];

  /** ISO 4217 code; null means the workspace's currency. */
  @Column({ name: 'currency_code', type: 'text', nullable: true })
  currencyCode: string | null;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
