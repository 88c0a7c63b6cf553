import { Module } from '@nestjs/common';

/** Time entries, the timer and templates (time-tracking issue). */
@Module({})
export class TimeEntriesModule {}
