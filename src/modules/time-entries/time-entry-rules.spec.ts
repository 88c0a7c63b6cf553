import { BadRequestException, ForbiddenException, PreconditionFailedException } from '@nestjs/common';
import {
  checkBillableChange,
  checkIfMatch,
  checkInterval,
  checkLock,
  checkManualEntryAllowed,
  checkNotFinalized,
  checkRequiredFields,
  entityTag,
  EntryShape,
  isBeforeLock,
  toSecond,
} from './time-entry-rules';
import { checkCustomFieldValue } from './time-entry-custom-fields';
import { toTimeEntryDto, TimeEntryRow } from './time-entry.mapper';

const ID = '64c777ddd3fcab07cfbb210c';

describe('time entry rules', () => {
  describe('ETag / If-Match', () => {
    it('tags are "<id>-<version>"', () => expect(entityTag(ID, 3)).toBe(`"${ID}-3"`));
    it.each([
      [undefined, true],
      ['', true],
      ['*', true],
      [`"${ID}-3"`, true],
      [`W/"${ID}-3"`, true],
      [`"${ID}-2", "${ID}-3"`, true],
      [`"${ID}-2"`, false],
      ['"3"', false],
      [`${ID}-3`, false],
    ])('If-Match %p against version 3 passes: %p', (header, passes) => {
      const run = () => checkIfMatch(header, ID, 3);
      if (passes) expect(run).not.toThrow();
      else expect(run).toThrow(PreconditionFailedException);
    });
  });

  it('end before start is 400, equal is fine', () => {
    const start = new Date('2024-01-01T10:00:00Z');
    expect(() => checkInterval(start, new Date('2024-01-01T09:59:59Z'))).toThrow(BadRequestException);
    expect(() => checkInterval(start, start)).not.toThrow();
    expect(() => checkInterval(start, null)).not.toThrow();
  });

  it('instants are cut to the second', () => {
    expect(toSecond('2024-01-01T10:00:00.999+02:00').toISOString()).toBe('2024-01-01T08:00:00.000Z');
  });

  describe('force* rules', () => {
    const complete: EntryShape = {
      description: 'd',
      projectId: 'p',
      taskId: 't',
      tagIds: ['g'],
      type: 'REGULAR',
      projectHasTasks: true,
    };
    const all = { forceDescription: true, forceProjects: true, forceTasks: true, forceTags: true };
    it.each([
      [{ description: '  ' }, 'forceDescription'],
      [{ projectId: null, taskId: null }, 'forceProjects'],
      [{ taskId: null }, 'forceTasks'],
      [{ tagIds: [] }, 'forceTags'],
    ])('%p breaks %s', (change, rule) => {
      expect(() => checkRequiredFields(all, { ...complete, ...change })).toThrow(rule);
    });
    it('a complete entry, a break, or a project without tasks pass', () => {
      expect(() => checkRequiredFields(all, complete)).not.toThrow();
      expect(() =>
        checkRequiredFields(all, {
          ...complete,
          description: '',
          projectId: null,
          taskId: null,
          tagIds: [],
          type: 'BREAK',
        }),
      ).not.toThrow();
      expect(() => checkRequiredFields(all, { ...complete, taskId: null, projectHasTasks: false })).not.toThrow();
      expect(() =>
        checkRequiredFields({}, { ...complete, description: '', projectId: null, taskId: null, tagIds: [] }),
      ).not.toThrow();
    });
  });

  describe('locks', () => {
    const settings = { lockTimeEntries: '2024-06-01T00:00:00Z' };
    it('entries before the lock date are for admins only', () => {
      expect(isBeforeLock(settings, new Date('2024-05-31T23:59:59Z'))).toBe(true);
      expect(isBeforeLock(settings, new Date('2024-06-01T00:00:00Z'))).toBe(false);
      expect(isBeforeLock({ lockTimeEntries: null }, new Date(0))).toBe(false);
      expect(() => checkLock(settings, false, new Date('2024-07-01'), new Date('2024-05-01'))).toThrow(
        'lockTimeEntries',
      );
      expect(() => checkLock(settings, true, new Date('2024-05-01'))).not.toThrow();
    });
    it('invoiced and approved entries are for admins only', () => {
      expect(() => checkNotFinalized({ invoiced: true, approval_status: null }, false)).toThrow(ForbiddenException);
      expect(() => checkNotFinalized({ invoiced: false, approval_status: 'APPROVED' }, false)).toThrow(
        ForbiddenException,
      );
      expect(() => checkNotFinalized({ invoiced: false, approval_status: 'PENDING' }, false)).toThrow(
        ForbiddenException,
      );
      expect(() => checkNotFinalized({ invoiced: false, approval_status: 'REJECTED' }, false)).not.toThrow();
      expect(() => checkNotFinalized({ invoiced: true, approval_status: 'APPROVED' }, true)).not.toThrow();
    });
    it('STOPWATCH_ONLY refuses manual entries of members', () => {
      const stopwatch = { timeTrackingMode: 'STOPWATCH_ONLY' };
      expect(() => checkManualEntryAllowed(stopwatch, false, true)).toThrow('STOPWATCH_ONLY');
      expect(() => checkManualEntryAllowed(stopwatch, false, false)).not.toThrow();
      expect(() => checkManualEntryAllowed(stopwatch, true, true)).not.toThrow();
    });
    it('onlyAdminsCanChangeBillableStatus refuses a member changing billable', () => {
      const only = { onlyAdminsCanChangeBillableStatus: true };
      expect(() => checkBillableChange(only, false, true, false)).toThrow('onlyAdminsCanChangeBillableStatus');
      expect(() => checkBillableChange(only, false, false, false)).not.toThrow();
      expect(() => checkBillableChange(only, false, undefined, false)).not.toThrow();
      expect(() => checkBillableChange(only, true, true, false)).not.toThrow();
      expect(() => checkBillableChange({}, false, true, false)).not.toThrow();
    });
  });

  it('custom field values must fit the field type', () => {
    expect(() => checkCustomFieldValue('n', 'NUMBER', [], 'x')).toThrow(BadRequestException);
    expect(() => checkCustomFieldValue('n', 'NUMBER', [], 3)).not.toThrow();
    expect(() => checkCustomFieldValue('d', 'DROPDOWN_SINGLE', ['a'], 'b')).toThrow(BadRequestException);
    expect(() => checkCustomFieldValue('d', 'DROPDOWN_MULTIPLE', ['a', 'b'], ['a', 'b'])).not.toThrow();
    expect(() => checkCustomFieldValue('l', 'LINK', [], 'ftp://x')).toThrow(BadRequestException);
    expect(() => checkCustomFieldValue('t', 'TXT', [], null)).not.toThrow();
  });

  describe('mapper', () => {
    const row: TimeEntryRow = {
      id: ID,
      workspace_id: 'w',
      user_id: 'u',
      project_id: null,
      task_id: null,
      description: '',
      start_at: new Date('2024-01-01T09:00:00.000Z'),
      end_at: new Date('2024-01-01T10:30:05.000Z'),
      duration: 5405,
      billable: false,
      type: 'REGULAR',
      hourly_rate: '1500',
      cost_rate: null,
      currency: 'EUR',
      invoiced: false,
      approval_status: null,
      kiosk_id: null,
      version: 1,
      tag_ids: null,
      custom_fields: null,
    };
    it('durations are ISO, running entries have null end and duration, rates are cents', () => {
      const dto = toTimeEntryDto(row, { settings: {}, showRates: true });
      expect(dto.timeInterval).toEqual({
        start: '2024-01-01T09:00:00Z',
        end: '2024-01-01T10:30:05Z',
        duration: 'PT1H30M5S',
      });
      expect(dto.hourlyRate).toEqual({ amount: 1500, currency: 'EUR' });
      expect(dto.costRate).toBeNull();
      expect(
        toTimeEntryDto({ ...row, end_at: null, duration: null }, { settings: {}, showRates: false }),
      ).toMatchObject({ timeInterval: { end: null, duration: null }, hourlyRate: null, tagIds: [] });
    });
  });
});
