import { Module } from '@nestjs/common';

/** Time-off policies, requests, balances and holidays (time-off issue). */
@Module({})
export class TimeOffModule {}
