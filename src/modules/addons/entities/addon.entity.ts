import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Manifest } from '../manifest';

export type AddonStatus = 'ACTIVE' | 'INACTIVE' | 'FAILED';

/** An add-on installed in one workspace; its X-Addon-Token is valid while not revoked, and ACTIVE. */
@Entity('addons')
export class Addon {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  /** The member the add-on acts for where an endpoint needs a user (the installing user). */
  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The manifest's `key`; null for add-ons installed with `--name` only. */
  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column({ type: 'jsonb', nullable: true })
  manifest: Manifest | null;

  /** The manifest's scopes; null: full admin access (no manifest). */
  @Column({ type: 'text', array: true, nullable: true })
  scopes: string[] | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: AddonStatus;

  /** The manifest's structured settings, with this installation's values. */
  @Column({ type: 'jsonb', nullable: true })
  settings: Manifest['settings'] | null;

  /** The signing key of its token; null for an HS256 token issued before RS256. */
  @Column({ name: 'token_kid', type: 'text', nullable: true })
  tokenKid: string | null;

  @Column({ name: 'failed_reason', type: 'text', nullable: true })
  failedReason: string | null;
}
