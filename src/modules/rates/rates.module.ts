import { Global, Module } from '@nestjs/common';
import { RatesService } from './rates.service';

/** Rate history (hourly and cost), shared by workspaces, projects, tasks and time entries. */
@Global()
@Module({ providers: [RatesService], exports: [RatesService] })
export class RatesModule {}
