import type { EntityManager } from 'typeorm';
import { likePattern, SqlConditions } from '../../common/utils/sql';
import type { InvoiceFilterRequestDto, InvoiceSortColumn } from './dto/invoice-filter.dto';
import type { InvoiceStatus } from './dto/invoice.dto';
import type { InvoiceRow } from './invoice.mapper';
import { INVOICE_COLUMNS, INVOICE_FROM } from './invoice.store';

const SORT_SQL: Record<InvoiceSortColumn, string> = {
  ID: 'i.id',
  CLIENT: 'lower(COALESCE(c.name, i.client_name))',
  DUE_ON: 'i.due_date',
  ISSUE_DATE: 'i.issued_date',
  AMOUNT: 'i.amount',
  BALANCE: 'i.balance',
};

/** A page of invoices: which (the conditions over `i` and `c`), in which order, which page. */
export interface InvoicePageRequest {
  where: SqlConditions;
  sortColumn: InvoiceSortColumn;
  descending: boolean;
  page: number;
  pageSize: number;
}

/** The conditions of GET /invoices: the workspace and, when given, the statuses. */
export function invoiceStatusConditions(workspaceId: string, statuses: InvoiceStatus[] | undefined): SqlConditions {
  const where = new SqlConditions();
  where.add(`i.workspace_id = ${where.param(workspaceId)}`);
  if (statuses?.length) where.add(`i.status = ANY(${where.param(statuses)})`);
  return where;
}

/** The conditions of POST /invoices/info. */
export function invoiceFilterConditions(workspaceId: string, filter: InvoiceFilterRequestDto): SqlConditions {
  const where = invoiceStatusConditions(workspaceId, filter.statuses);
  if (filter.invoiceNumber) {
    const number = filter.invoiceNumber;
    where.add(
      filter.strictSearch
        ? `i.number = ${where.param(number)}`
        : `i.number ILIKE ${where.param(likePattern(number))} ESCAPE '\\'`,
    );
  }
  const range = filter.issueDate;
  if (range?.['issue-date-start']) where.add(`i.issued_date >= ${where.param(range['issue-date-start'])}::date`);
  if (range?.['issue-date-end']) where.add(`i.issued_date < ${where.param(range['issue-date-end'])}::date + 1`);
  const compare = (column: string, op: string, value: number | undefined) => {
    if (value !== undefined) where.add(`i.${column} ${op} ${where.param(value)}`);
  };
  compare('amount', '=', filter.exactAmount);
  compare('amount', '>', filter.greaterThanAmount);
  compare('amount', '<', filter.lessThanAmount);
  compare('balance', '=', filter.exactBalance);
  compare('balance', '>', filter.greaterThanBalance);
  compare('balance', '<', filter.lessThanBalance);
  idFilter(where, 'i.client_id', filter.clients?.contains, filter.clients?.ids);
  if (filter.clients?.status === 'ACTIVE') where.add(`c.archived = false`);
  if (filter.clients?.status === 'ARCHIVED') where.add(`c.archived = true`);
  idFilter(where, 'i.company_id', filter.companies?.contains, filter.companies?.ids);
  return where;
}

/** CONTAINS / CONTAINS_ONLY: one of the ids; DOES_NOT_CONTAIN: none of them (rows without a value included). */
function idFilter(where: SqlConditions, column: string, contains: string | undefined, ids: string[] | undefined): void {
  if (!ids?.length) return;
  if (contains === 'DOES_NOT_CONTAIN') where.add(`(${column} IS NULL OR ${column} <> ALL(${where.param(ids)}))`);
  else where.add(`${column} = ANY(${where.param(ids)})`);
}

/** Filters, sort and paging in one SQL query plus a count. */
export async function invoicePage(
  manager: EntityManager,
  request: InvoicePageRequest,
): Promise<{ rows: InvoiceRow[]; total: number }> {
  const { where } = request;
  const order = request.descending ? 'DESC' : 'ASC';
  const [{ count }]: { count: string }[] = await manager.query(
    `SELECT count(*) AS count FROM ${INVOICE_FROM} WHERE ${where.sql}`,
    where.params,
  );
  const limit = where.params.length + 1;
  const rows: InvoiceRow[] = await manager.query(
    `SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE ${where.sql}
      ORDER BY ${SORT_SQL[request.sortColumn]} ${order}, i.id ${order}
      LIMIT $${limit} OFFSET $${limit + 1}`,
    [...where.params, request.pageSize, (request.page - 1) * request.pageSize],
  );
  return { rows, total: Number(count) };
}
