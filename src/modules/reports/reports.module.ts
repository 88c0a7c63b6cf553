import { Module } from '@nestjs/common';

/** Reports and shared reports (reports issue). */
@Module({})
export class ReportsModule {}
