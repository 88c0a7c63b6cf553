import { Client } from 'pg';

/** Creates database `name` on the server of `adminUrl` (a connection to another database there) unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await admin.end();
  }
}
