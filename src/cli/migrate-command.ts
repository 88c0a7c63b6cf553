import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { printJson } from './cli-output';

/**
 * `migrate`: applies pending migrations and exits (the CLI applies them before
 * any command, under the migrations' advisory lock), for a rollout that
 * migrates once before starting the new instances.
 */
@Command({ name: 'migrate', description: 'Apply pending database migrations and print the latest one' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const rows: { count: number; latest: string | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, (array_agg(name ORDER BY timestamp DESC))[1] AS latest FROM migrations`,
    );
    printJson({ migrations: rows[0].count, latest: rows[0].latest });
  }
}
