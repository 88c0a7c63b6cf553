import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { resolveDatabase } from './src/database/database';
import { dataSourceOptions } from './src/database/data-source-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:generate|run|revert`):
 * DATABASE_URL when set, otherwise the embedded PostgreSQL under DATA_DIR,
 * with the same options as the server.
 */
export default resolveDatabase().then((db) => new DataSource(dataSourceOptions(db.url)));
