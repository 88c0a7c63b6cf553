import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import e2eSetup from '../utils/global-setup';

/** The suite runs the built server (`dist/`), as `npm start` does: build it when stale, then the e2e database setup. */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'ensure-build.js')], { stdio: 'inherit' });
  await e2eSetup();
}
