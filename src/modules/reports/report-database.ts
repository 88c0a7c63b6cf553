import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Module,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { env } from '../../config/env.validation';
import { dataSourceOptions } from '../../database/data-source-options';

/**
 * The connection report and export queries read from: inject it with
 * `@Inject(REPORT_DATA_SOURCE) dataSource: DataSource`. The replica at
 * `DATABASE_READ_URL` when set, otherwise the primary. Reads that must see the
 * caller's own writes (and every write) use the primary `DataSource`.
 */
export const REPORT_DATA_SOURCE = 'REPORT_DATA_SOURCE';

/** Seconds the replica's data is behind the primary: 0 when it has replayed all it received from a streaming primary. */
const LAG_SQL = `SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
     AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0
    ELSE GREATEST(0, EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()))
  END::float8 AS lag`;

/** The one place that decides where reports read. */
export class ReportDatabase implements OnApplicationShutdown {
  private constructor(
    readonly dataSource: DataSource,
    /** True when reports read a replica (not the primary). */
    readonly replica: boolean,
  ) {}

  static async open(
    primary: DataSource,
    readUrl = env().DATABASE_READ_URL,
    poolSize = env().DB_POOL_SIZE,
  ): Promise<ReportDatabase> {
    if (!readUrl) return new ReportDatabase(primary, false);
    const replica = new DataSource({ ...dataSourceOptions(readUrl, poolSize), migrations: [] });
    await replica.initialize().catch((error: unknown) => {
      throw new Error(
        `DATABASE_READ_URL: cannot connect to the replica: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return new ReportDatabase(replica, true);
  }

  /** The replica's replication lag in seconds (null: unknown, e.g. nothing replayed yet); 0 on the primary. */
  async lagSeconds(): Promise<number | null> {
    if (!this.replica) return 0;
    const rows: { lag: number | null }[] = await this.dataSource.query(LAG_SQL);
    return rows[0]?.lag ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * `X-Data-Freshness: <seconds>` on report answers read from a replica: how far
 * its data may be behind the primary (replication lag, measured before the
 * report runs). Absent when reports read the primary (live data).
 */
@Injectable()
export class DataFreshnessInterceptor implements NestInterceptor {
  constructor(private readonly reports: ReportDatabase) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reports.replica) return next.handle();
    const lag = this.reports.lagSeconds().catch(() => null); // the report itself reports a replica that is down
    return from(lag).pipe(
      switchMap((seconds) => {
        if (seconds !== null)
          context.switchToHttp().getResponse<Response>().setHeader('X-Data-Freshness', seconds.toFixed(3));
        return next.handle();
      }),
    );
  }
}

@Module({
  providers: [
    {
      provide: ReportDatabase,
      useFactory: (primary: DataSource) => ReportDatabase.open(primary),
      inject: [DataSource],
    },
    {
      provide: REPORT_DATA_SOURCE,
      useFactory: (reports: ReportDatabase) => reports.dataSource,
      inject: [ReportDatabase],
    },
    DataFreshnessInterceptor,
  ],
  exports: [ReportDatabase, REPORT_DATA_SOURCE, DataFreshnessInterceptor],
})
export class ReportDatabaseModule {}

/** For the report services' constructors: `constructor(@InjectReportDataSource() private readonly dataSource: DataSource)`. */
export const InjectReportDataSource = () => Inject(REPORT_DATA_SOURCE);
