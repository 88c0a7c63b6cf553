import type {
  ExpenseDetailField,
  ExpenseGroup,
  TimeDetailField,
  TimeGroupType,
  TimePrimaryGroup,
  TimeSecondaryGroup,
} from './dto/invoice-import.dto';
import { divHalfUp, hoursHundredths, timeAmount } from './invoice-totals';

/** A billable time entry to import. */
export interface ImportEntry {
  id: string;
  seconds: number;
  /** Stored hourly rate, cents. */
  rate: number;
  projectId: string;
  projectName: string;
  taskId: string | null;
  taskName: string | null;
  userId: string;
  userName: string;
  /** yyyy-MM-dd (UTC) of the start. */
  date: string;
  description: string;
  tags: string[];
}

export interface ImportExpense {
  id: string;
  amount: number;
  projectId: string;
  projectName: string;
  taskName: string | null;
  categoryId: string;
  categoryName: string;
  userId: string;
  userName: string;
  date: string;
  notes: string;
}

export interface ImportLine {
  description: string;
  /** Hundredths of a unit (hours for time). */
  quantity: number;
  unitPrice: number;
  amount: number;
  ids: string[];
}

export interface TimeGrouping {
  type: TimeGroupType;
  primary: TimePrimaryGroup;
  secondary: TimeSecondaryGroup;
  detailFields: TimeDetailField[];
  roundTo15Minutes: boolean;
  /** The line description of SINGLE_ITEM. */
  singleLabel: string;
}

type TimeField = TimeDetailField | TimePrimaryGroup | TimeSecondaryGroup;

function timeValue(entry: ImportEntry, field: TimeField): { key: string; label: string } {
  switch (field) {
    case 'PROJECT':
      return { key: entry.projectId, label: entry.projectName };
    case 'USER':
      return { key: entry.userId, label: entry.userName };
    case 'TASK':
      return { key: entry.taskId ?? '', label: entry.taskName ?? '' };
    case 'DATE':
      return { key: entry.date, label: entry.date };
    case 'DESCRIPTION':
      return { key: entry.description, label: entry.description };
    case 'TAGS':
      return { key: entry.tags.join(','), label: entry.tags.join(', ') };
    default:
      return { key: '', label: '' };
  }
}

/** An entry's billed seconds: exact, or rounded to the nearest quarter hour (half up). */
export function billedSeconds(seconds: number, roundTo15Minutes: boolean): number {
  return roundTo15Minutes ? Number(divHalfUp(BigInt(seconds), 900n)) * 900 : seconds;
}

/**
 * Time entries (in start order) as invoice lines: one (SINGLE_ITEM), one per
 * primary/secondary group (GROUPED), or one per entry (DETAILED). Every line
 * has a single unit price, so entries of a group at different hourly rates
 * make separate lines. A line's amount is its seconds × rate / 3600, rounded
 * half up once; its quantity is those seconds in hours (hundredths).
 */
export function groupTimeEntries(entries: ImportEntry[], grouping: TimeGrouping): ImportLine[] {
  const fields: TimeField[] =
    grouping.type === 'SINGLE_ITEM'
      ? []
      : grouping.type === 'GROUPED'
        ? [
            grouping.primary,
            ...(grouping.secondary === 'NONE' || grouping.secondary === grouping.primary ? [] : [grouping.secondary]),
          ]
        : grouping.detailFields;
  const groups = new Map<string, { description: string; rate: number; seconds: number; ids: string[] }>();
  for (const entry of entries) {
    const values = fields.map((f) => timeValue(entry, f));
    const key = `${grouping.type === 'DETAILED' ? entry.id : values.map((v) => v.key).join('\u0000')}\u0000${entry.rate}`;
    const description =
      grouping.type === 'SINGLE_ITEM'
        ? grouping.singleLabel
        : values
            .map((v) => v.label)
            .filter(Boolean)
            .join(' - ');
    const group = groups.get(key) ?? { description, rate: entry.rate, seconds: 0, ids: [] };
    group.seconds += billedSeconds(entry.seconds, grouping.roundTo15Minutes);
    group.ids.push(entry.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    description: g.description,
    quantity: hoursHundredths(g.seconds),
    unitPrice: g.rate,
    amount: timeAmount(g.seconds, g.rate),
    ids: g.ids,
  }));
}

function expenseValue(
  expense: ImportExpense,
  field: ExpenseDetailField | ExpenseGroup,
): { key: string; label: string } {
  switch (field) {
    case 'CATEGORY':
      return { key: expense.categoryId, label: expense.categoryName };
    case 'PROJECT':
      return { key: expense.projectId, label: expense.projectName };
    case 'USER':
      return { key: expense.userId, label: expense.userName };
    case 'TASK':
      return { key: expense.taskName ?? '', label: expense.taskName ?? '' };
    case 'NOTE':
      return { key: expense.notes, label: expense.notes };
    case 'DATE':
      return { key: expense.date, label: expense.date };
    default:
      return { key: '', label: '' };
  }
}

/** Expenses as lines: one per category / project / user (GROUPED) or per expense (DETAILED); quantity 1, unit price = the sum. */
export function groupExpenses(
  expenses: ImportExpense[],
  detailed: boolean,
  groupBy: ExpenseGroup,
  detailFields: ExpenseDetailField[],
): ImportLine[] {
  const groups = new Map<string, ImportLine>();
  for (const expense of expenses) {
    const values = detailed ? detailFields.map((f) => expenseValue(expense, f)) : [expenseValue(expense, groupBy)];
    const key = detailed ? expense.id : values[0].key;
    const line = groups.get(key) ?? {
      description: values
        .map((v) => v.label)
        .filter(Boolean)
        .join(' - '),
      quantity: 100,
      unitPrice: 0,
      amount: 0,
      ids: [],
    };
    line.amount += expense.amount;
    line.unitPrice = line.amount;
    line.ids.push(expense.id);
    groups.set(key, line);
  }
  return [...groups.values()];
}
