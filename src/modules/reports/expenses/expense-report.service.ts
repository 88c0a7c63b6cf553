import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter/report-scope.store';
import type { ExpenseReportFilterDto } from './dto/expense-report-filter.dto';
import { expenseReportBody } from './expense-report.store';

/**
 * The expense report: one page of expenses and the totals, aggregated and
 * serialized by PostgreSQL in one statement (the body is the json text it wrote).
 */
@Injectable()
export class ExpenseReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  /** ExpenseDetailedReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: ExpenseReportFilterDto): Promise<string> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      return expenseReportBody(manager, scope, body);
    });
  }
}
