import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The database probe of the health check. */
@Injectable()
export class HealthStore {
  constructor(private readonly dataSource: DataSource) {}

  ping(): Promise<unknown> {
    return this.dataSource.query('SELECT 1');
  }
}
