import { Module } from '@nestjs/common';
import { ExpenseCategoriesController } from './expense-categories.controller';
import { ExpenseCategoriesService } from './expense-categories.service';
import { ExpenseFilesService } from './expense-files.service';
import { ExpenseReadService } from './expense-read.service';
import { ExpensesController } from './expenses.controller';
import { ExpensesService } from './expenses.service';

/** Expenses (with receipts) and expense categories (expenses issue). */
@Module({
  // Categories first: `expenses/categories` must not be taken for an `expenses/:expenseId`.
  controllers: [ExpenseCategoriesController, ExpensesController],
  providers: [ExpenseCategoriesService, ExpenseReadService, ExpenseFilesService, ExpensesService],
  exports: [ExpenseReadService],
})
export class ExpensesModule {}
