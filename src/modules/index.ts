import { AddonsModule } from './addons/addons.module';
import { AddonsService } from './addons/addons.service';
import { LifecycleRunner } from './addons/lifecycle/lifecycle-runner';
import { ApprovalsModule } from './approvals/approvals.module';
import { ClientsModule } from './clients/clients.module';
import { CustomFieldsModule } from './custom-fields/custom-fields.module';
import { EntityChangesModule } from './entity-changes/entity-changes.module';
import { ExpensesModule } from './expenses/expenses.module';
import { ExtensionsModule } from './extensions.module';
import { HealthModule } from './health/health.module';
import { InvoicesModule } from './invoices/invoices.module';
import { ProjectsModule } from './projects/projects.module';
import { RatesModule } from './rates/rates.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { TagsModule } from './tags/tags.module';
import { TasksModule } from './tasks/tasks.module';
import { TimeEntriesModule } from './time-entries/time-entries.module';
import { TimeOffModule } from './time-off/time-off.module';
import { UserGroupsModule } from './user-groups/user-groups.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

/** One module per domain; each owns its routes, services, entities and DTOs. */
export const DOMAIN_MODULES = [
  ExtensionsModule,
  HealthModule,
  RatesModule,
  UsersModule,
  WorkspacesModule,
  AddonsModule,
  ClientsModule,
  ProjectsModule,
  TasksModule,
  TagsModule,
  CustomFieldsModule,
  UserGroupsModule,
  TimeEntriesModule,
  ExpensesModule,
  InvoicesModule,
  ApprovalsModule,
  TimeOffModule,
  SchedulingModule,
  ReportsModule,
  // the add-ons' part of webhooks (manifest webhooks' tokens, lifecycle calls sent by the delivery loop)
  WebhooksModule.register({ imports: [AddonsModule], addons: AddonsService, jobRunners: [LifecycleRunner] }),
  EntityChangesModule,
];
