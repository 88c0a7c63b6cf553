import { Module } from '@nestjs/common';

/** Clients (catalog issue). */
@Module({})
export class ClientsModule {}
