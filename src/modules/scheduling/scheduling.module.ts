import { Module } from '@nestjs/common';

/** Scheduling assignments (scheduling issue). */
@Module({})
export class SchedulingModule {}
