import { Module } from '@nestjs/common';
import { BalanceLedger } from './balances/balance-ledger.service';
import { BalancesController } from './balances/balances.controller';
import { BalancesService } from './balances/balances.service';
import { BalancesStore } from './balances/balances.store';
import { HolidaysController } from './holidays/holidays.controller';
import { HolidaysService } from './holidays/holidays.service';
import { HolidaysStore } from './holidays/holidays.store';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesService } from './policies/policies.service';
import { PoliciesStore } from './policies/policies.store';
import { TimeOffRequestStatusService } from './requests/time-off-request-status.service';
import { TimeOffRequestsListService } from './requests/time-off-requests-list.service';
import { TimeOffRequestsController } from './requests/time-off-requests.controller';
import { TimeOffRequestsService } from './requests/time-off-requests.service';
import { TimeOffRequestsStore } from './requests/time-off-requests.store';

/** Time-off policies, requests, balances and holidays (time-off issue). */
@Module({
  controllers: [HolidaysController, PoliciesController, TimeOffRequestsController, BalancesController],
  providers: [
    HolidaysService,
    HolidaysStore,
    PoliciesService,
    PoliciesStore,
    TimeOffRequestsService,
    TimeOffRequestStatusService,
    TimeOffRequestsListService,
    TimeOffRequestsStore,
    BalancesService,
    BalancesStore,
    BalanceLedger,
  ],
  exports: [HolidaysStore, PoliciesStore],
})
export class TimeOffModule {}
