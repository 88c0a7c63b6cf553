import { NO_SCOPE, requiredScope } from './scopes';

describe('add-on scope table', () => {
  const ws = '/v1/workspaces/:workspaceId';
  it.each([
    ['GET', `${ws}/user/:userId/time-entries`, 'TIME_ENTRY_READ'],
    ['POST', `${ws}/time-entries`, 'TIME_ENTRY_WRITE'],
    ['PATCH', `${ws}/time-entries/status/stopped`, 'TIME_ENTRY_WRITE'],
    ['GET', `${ws}/projects`, 'PROJECT_READ'],
    ['PUT', `${ws}/projects/:projectId`, 'PROJECT_WRITE'],
    ['POST', `${ws}/projects/:projectId/tasks`, 'TASK_WRITE'],
    ['GET', `${ws}/projects/:projectId/tasks/:taskId`, 'TASK_READ'],
    ['PATCH', `${ws}/projects/:projectId/custom-fields/:customFieldId`, 'CUSTOM_FIELDS_WRITE'],
    ['POST', `${ws}/reports/summary`, 'REPORTS_READ'],
    ['POST', `${ws}/shared-reports`, 'REPORTS_WRITE'],
    ['GET', `${ws}/users`, 'USER_READ'],
    ['GET', '/v1/user', 'USER_READ'],
    ['POST', `${ws}/user-groups`, 'GROUP_WRITE'],
    ['GET', `${ws}/time-off/policies`, 'TIME_OFF_READ'],
    ['GET', `${ws}/holidays`, 'TIME_OFF_READ'],
    ['PUT', `${ws}/scheduling/assignments/:assignmentId`, 'SCHEDULING_WRITE'],
    ['POST', `${ws}/approval-requests`, 'APPROVAL_WRITE'],
    ['GET', `${ws}/expenses/categories`, 'EXPENSE_READ'],
    ['DELETE', `${ws}/invoices/:invoiceId`, 'INVOICE_WRITE'],
    ['GET', `${ws}/clients`, 'CLIENT_READ'],
    ['DELETE', `${ws}/tags/:tagId`, 'TAG_WRITE'],
    ['POST', `${ws}/webhooks`, 'WORKSPACE_WRITE'],
    ['GET', ws, 'WORKSPACE_READ'],
    ['GET', '/v1/workspaces', 'WORKSPACE_READ'],
  ])('%s %s needs %s', (method, path, scope) => {
    expect(requiredScope(method, path)).toBe(scope);
  });

  it("leaves an add-on's own settings and user tokens to every add-on token, and refuses unknown routes", () => {
    expect(requiredScope('PATCH', `${ws}/addons/:addonId/settings`)).toBe(NO_SCOPE);
    expect(requiredScope('POST', `${ws}/addons/:addonId/users/:userId/token`)).toBe(NO_SCOPE);
    expect(requiredScope('GET', '/v2/anything')).toBeNull();
  });
});
