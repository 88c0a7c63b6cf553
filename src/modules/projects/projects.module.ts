import { Module } from '@nestjs/common';

/** Projects and their memberships, estimates and rates (catalog issue). */
@Module({})
export class ProjectsModule {}
