/** The project of a template row, returned when `hydrated=true`. */
export class TemplateProjectDto {
  /** @example "25b687e29ae1f428e7ebe123" */
  id: string;
  /** @example "Software Development" */
  name: string;
  /** @example "#03A9F4" */
  color: string;
  /** @example "44a687e29ae1f428e7ebe305" */
  clientId: string | null;
  archived: boolean;
  billable: boolean;
  public: boolean;
}

/** The task of a template row, returned when `hydrated=true`. */
export class TemplateTaskDto {
  /** @example "54m377ddd3fcab07cfbb432w" */
  id: string;
  /** @example "Bugfixing" */
  name: string;
  /** @example "25b687e29ae1f428e7ebe123" */
  projectId: string;
  /** @example "ACTIVE" */
  status: string;
}

/** ProjectTaskTupleDto: one row of a template. */
export class ProjectTaskTupleDto {
  /** Represents a project identifier across the system. @example "25b687e29ae1f428e7ebe123" */
  projectId: string;
  /** Represents a task identifier across the system. @example "54m377ddd3fcab07cfbb432w" */
  taskId: string | null;
  /** Only with `hydrated=true`: the project (null when it no longer exists). */
  project?: TemplateProjectDto | null;
  /** Only with `hydrated=true`: the task (null when there is none). */
  task?: TemplateTaskDto | null;
}

/** TimeIntervalDto of a template entry. */
export class TemplateTimeIntervalDto {
  /** @example "2024-01-20T14:30:00Z" */
  start: string;
  /** @example "2024-01-20T16:00:00Z" */
  end: string | null;
  /** @example "PT1H30M" */
  duration: string | null;
}

/** CustomFieldValueDto of a template entry. */
export class TemplateCustomFieldValueDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  customFieldId: string;
  /** @example "TIMEENTRY" */
  sourceType: string;
  /** @example "64c777ddd3fcab07cfbb210c" */
  timeEntryId: string;
  value: unknown;
}

/** TimeEntryWithCustomFieldsDto: a time entry copied by a template. */
export class TemplateEntryDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "This is a sample time entry description." */
  description: string;
  billable: boolean;
  /** @example "25b687e29ae1f428e7ebe123" */
  projectId: string | null;
  /** @example "54m377ddd3fcab07cfbb432w" */
  taskId: string | null;
  tagIds: string[];
  timeInterval: TemplateTimeIntervalDto;
  /** @example "REGULAR" */
  type: string;
  customFieldValues: TemplateCustomFieldValueDto[];
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** TemplateDtoImpl: a timesheet template. */
export class TemplateDto {
  /** Represents a template identifier across the system. @example "5b6d45c4b0798751107762b8" */
  id: string;
  /** Represents a template name. @example "exampleTemplate" */
  name: string;
  /** Represents a list of template's projects and tasks. */
  projectsAndTasks: ProjectTaskTupleDto[];
  /** Represents a set of template time entries. */
  entries: TemplateEntryDto[];
  /** Represents the first day of the template's week (yyyy-MM-dd). @example "2019-08-24" */
  weekStart: string | null;
  /** Represents a user identifier across the system. @example "89b687e29ae1f428e7ebe912" */
  userId: string;
  /** Represents a workspace identifier across the system. @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}
