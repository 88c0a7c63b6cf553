import { Module } from '@nestjs/common';

/** Tags (catalog issue). */
@Module({})
export class TagsModule {}
