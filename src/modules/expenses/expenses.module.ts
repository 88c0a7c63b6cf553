import { Module } from '@nestjs/common';

/** Expenses and categories (expenses issue). */
@Module({})
export class ExpensesModule {}
