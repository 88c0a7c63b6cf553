import { Module } from '@nestjs/common';

/** Invoices, items and payments (invoices issue). */
@Module({})
export class InvoicesModule {}
