import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded image, kept in the database so that every app instance can serve it. */
@Entity('images')
export class Image {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea' })
  data: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
