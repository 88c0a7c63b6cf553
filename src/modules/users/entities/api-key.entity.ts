import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A personal API key. Only the SHA-256 of the key is kept; revoking stamps a date. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
