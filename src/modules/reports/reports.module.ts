import { Module } from '@nestjs/common';
import { AttendanceReportController } from './attendance/attendance-report.controller';
import { AttendanceReportService } from './attendance/attendance-report.service';
import { DetailedReportController } from './detailed/detailed-report.controller';
import { DetailedReportService } from './detailed/detailed-report.service';
import { DetailedExportService } from './export/detailed-export';
import { ExpenseReportExportService } from './expenses/expense-report-export';
import { ExpenseReportController } from './expenses/expense-report.controller';
import { ExpenseReportService } from './expenses/expense-report.service';
import { SummaryExportService } from './export/summary-export';
import { ReportDatabaseModule } from './report-database';
import { PublicSharedReportController } from './shared/public-shared-report.controller';
import { SharedReportFilterValidator } from './shared/shared-report-filter';
import { SharedReportRunner } from './shared/shared-report-runner';
import { SharedReportsController } from './shared/shared-reports.controller';
import { SharedReportsService } from './shared/shared-reports.service';
import { SummaryReportController } from './summary/summary-report.controller';
import { SummaryReportService } from './summary/summary-report.service';
import { WeeklyReportController } from './weekly/weekly-report.controller';
import { WeeklyReportService } from './weekly/weekly-report.service';

// One entry per line: detailed + summary (filter/, detailed/, summary/); add weekly, attendance, shared reports, exports below.
const CONTROLLERS = [
  DetailedReportController,
  SummaryReportController,
  WeeklyReportController,
  AttendanceReportController,
  SharedReportsController,
  PublicSharedReportController,
  ExpenseReportController,
];

const PROVIDERS = [
  DetailedReportService,
  SummaryReportService,
  WeeklyReportService,
  AttendanceReportService,
  DetailedExportService,
  SummaryExportService,
  SharedReportFilterValidator,
  SharedReportsService,
  SharedReportRunner,
  ExpenseReportService,
  ExpenseReportExportService,
];

/** Reports and shared reports (reports issue). */
@Module({
  imports: [ReportDatabaseModule],
  controllers: CONTROLLERS,
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ReportsModule {}
