import {
  billedSeconds,
  groupExpenses,
  groupTimeEntries,
  ImportEntry,
  ImportExpense,
  TimeGrouping,
} from './invoice-import-grouping';
import { paymentStatus } from './invoice.store';

const entry = (id: string, seconds: number, rate: number, extra: Partial<ImportEntry> = {}): ImportEntry => ({
  id,
  seconds,
  rate,
  projectId: 'p1',
  projectName: 'Web',
  taskId: null,
  taskName: null,
  userId: 'u1',
  userName: 'Ann',
  date: '2024-03-01',
  description: id,
  tags: [],
  ...extra,
});
const grouping = (extra: Partial<TimeGrouping> = {}): TimeGrouping => ({
  type: 'GROUPED',
  primary: 'PROJECT',
  secondary: 'NONE',
  detailFields: ['DESCRIPTION'],
  roundTo15Minutes: false,
  singleLabel: 'All',
  ...extra,
});

describe('import grouping', () => {
  it('groups by project and splits a group by rate; one rounding per line', () => {
    const lines = groupTimeEntries(
      [
        entry('a', 1200, 10000),
        entry('b', 1200, 10000),
        entry('c', 600, 5000),
        entry('d', 60, 10000, { projectId: 'p2', projectName: 'App' }),
      ],
      grouping(),
    );
    expect(lines).toEqual([
      { description: 'Web', quantity: 67, unitPrice: 10000, amount: 6667, ids: ['a', 'b'] }, // 2400 s: 6666.67 → 6667 (not 3333 + 3333)
      { description: 'Web', quantity: 17, unitPrice: 5000, amount: 833, ids: ['c'] },
      { description: 'App', quantity: 2, unitPrice: 10000, amount: 167, ids: ['d'] },
    ]);
  });

  it('secondary groups, single item, detailed fields and tags', () => {
    const entries = [
      entry('a', 3600, 100, { taskId: 't1', taskName: 'Code', tags: ['x', 'y'] }),
      entry('b', 3600, 100, { userId: 'u2', userName: 'Bo' }),
    ];
    expect(
      groupTimeEntries(entries, grouping({ primary: 'USER', secondary: 'TASK' })).map((l) => l.description),
    ).toEqual(['Ann - Code', 'Bo']);
    expect(groupTimeEntries(entries, grouping({ type: 'SINGLE_ITEM' }))).toEqual([
      { description: 'All', quantity: 200, unitPrice: 100, amount: 200, ids: ['a', 'b'] },
    ]);
    expect(
      groupTimeEntries(entries, grouping({ type: 'DETAILED', detailFields: ['PROJECT', 'TAGS', 'USER'] })).map(
        (l) => l.description,
      ),
    ).toEqual(['Web - x, y - Ann', 'Web - Bo']);
  });

  it.each([
    [450, 900], // 7.5 min → 15
    [449, 0],
    [1200, 900],
    [1350, 1800],
  ])('billedSeconds(%i) rounds to the quarter hour: %i', (seconds, expected) => {
    expect(billedSeconds(seconds, true)).toBe(expected);
    expect(billedSeconds(seconds, false)).toBe(seconds);
  });

  it('groups expenses by category or one per expense', () => {
    const expense = (id: string, amount: number, categoryId: string): ImportExpense => ({
      id,
      amount,
      projectId: 'p1',
      projectName: 'Web',
      taskName: null,
      categoryId,
      categoryName: `Cat ${categoryId}`,
      userId: 'u1',
      userName: 'Ann',
      date: '2024-03-02',
      notes: `n${id}`,
    });
    const expenses = [expense('a', 100, '1'), expense('b', 250, '1'), expense('c', 5, '2')];
    expect(groupExpenses(expenses, false, 'CATEGORY', [])).toEqual([
      { description: 'Cat 1', quantity: 100, unitPrice: 350, amount: 350, ids: ['a', 'b'] },
      { description: 'Cat 2', quantity: 100, unitPrice: 5, amount: 5, ids: ['c'] },
    ]);
    expect(groupExpenses(expenses, true, 'CATEGORY', ['DATE', 'NOTE']).map((l) => l.description)).toEqual([
      '2024-03-02 - na',
      '2024-03-02 - nb',
      '2024-03-02 - nc',
    ]);
  });

  it.each([
    ['SENT', 0, 1000, 'SENT'],
    ['SENT', 400, 1000, 'PARTIALLY_PAID'],
    ['PARTIALLY_PAID', 1000, 1000, 'PAID'],
    ['PAID', 400, 1000, 'PARTIALLY_PAID'],
    ['PAID', 0, 1000, 'SENT'],
    ['VOID', 1000, 1000, 'VOID'],
    ['PAID', 0, 0, 'PAID'],
    ['UNSENT', 0, 1000, 'UNSENT'],
  ] as const)('paymentStatus(%s, paid %i of %i) = %s', (current, paid, amount, expected) => {
    expect(paymentStatus(current, paid, amount)).toBe(expected);
  });
});
