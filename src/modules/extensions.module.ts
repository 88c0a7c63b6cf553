import { Global, Module } from '@nestjs/common';
import { ENTRY_REPRICER, RATES_VERSIONS } from './rates/rate-extensions';
import { TimeEntryRepricingStore } from './time-entries/time-entry-repricing.store';
import { RatesVersionStore } from './workspaces/rates-version.store';

/**
 * What a module needs of the modules above it (that import it), as interfaces it owns, wired here to their
 * implementations so that no module imports one above it. Global, as modules lower down are imported by many.
 * A rate change re-prices time entries and bumps the workspace's rates version.
 */
@Global()
@Module({
  providers: [
    { provide: ENTRY_REPRICER, useValue: TimeEntryRepricingStore },
    { provide: RATES_VERSIONS, useValue: RatesVersionStore },
  ],
  exports: [ENTRY_REPRICER, RATES_VERSIONS],
})
export class ExtensionsModule {}
