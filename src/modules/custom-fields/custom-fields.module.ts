import { Module } from '@nestjs/common';

/** Custom fields of workspaces, projects and users (catalog issue). */
@Module({})
export class CustomFieldsModule {}
