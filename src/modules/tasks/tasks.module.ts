import { Module } from '@nestjs/common';

/** Tasks of projects (catalog issue). */
@Module({})
export class TasksModule {}
