import { Injectable } from '@nestjs/common';
import { likePattern } from '../../common/utils/sql';
import type { InvoiceSortColumn } from './dto/invoice-filter.dto';
import { InvoiceFilterRequestDto, InvoiceQueryDto } from './dto/invoice-filter.dto';
import type { InvoiceInfoResponseDto, InvoicesListDto } from './dto/invoice.dto';
import { INVOICE_COLUMNS, INVOICE_FROM, InvoiceRow, toInvoiceDto, toInvoiceInfoDto } from './invoice.mapper';
import { InvoiceStore } from './invoice-store';

const SORT_SQL: Record<InvoiceSortColumn, string> = {
  ID: 'i.id',
  CLIENT: 'lower(COALESCE(c.name, i.client_name))',
  DUE_ON: 'i.due_date',
  ISSUE_DATE: 'i.issued_date',
  AMOUNT: 'i.amount',
  BALANCE: 'i.balance',
};

/** WHERE clauses with numbered parameters, built from a filter. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(sql: (p: (value: unknown) => string) => string): void {
    this.clauses.push(sql((value) => `$${this.params.push(value)}`));
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}

interface ListRequest {
  where: Where;
  sortColumn: InvoiceSortColumn;
  descending: boolean;
  page: number;
  pageSize: number;
}

/** GET /invoices and POST /invoices/info: filters, sort and paging in one SQL query plus a count. */
@Injectable()
export class InvoiceListService {
  constructor(private readonly store: InvoiceStore) {}

  async list(workspaceId: string, query: InvoiceQueryDto): Promise<InvoicesListDto> {
    const where = new Where();
    where.add((p) => `i.workspace_id = ${p(workspaceId)}`);
    if (query.statuses?.length) where.add((p) => `i.status = ANY(${p(query.statuses)})`);
    const { rows, total } = await this.query({
      where,
      sortColumn: query['sort-column'] ?? 'ID',
      descending: query['sort-order'] === 'DESCENDING',
      page: query.page,
      pageSize: query['page-size'],
    });
    return { invoices: rows.map(toInvoiceDto), total };
  }

  async info(workspaceId: string, filter: InvoiceFilterRequestDto): Promise<InvoiceInfoResponseDto> {
    const where = new Where();
    where.add((p) => `i.workspace_id = ${p(workspaceId)}`);
    if (filter.statuses?.length) where.add((p) => `i.status = ANY(${p(filter.statuses)})`);
    if (filter.invoiceNumber) {
      const number = filter.invoiceNumber;
      where.add((p) => (filter.strictSearch ? `i.number = ${p(number)}` : `i.number ILIKE ${p(likePattern(number))} ESCAPE '\\'`));
    }
    const range = filter.issueDate;
    if (range?.['issue-date-start']) where.add((p) => `i.issued_date >= ${p(range['issue-date-start'])}::date`);
    if (range?.['issue-date-end']) where.add((p) => `i.issued_date < ${p(range['issue-date-end'])}::date + 1`);
    const compare = (column: string, op: string, value: number | undefined) => {
      if (value !== undefined) where.add((p) => `i.${column} ${op} ${p(value)}`);
    };
    compare('amount', '=', filter.exactAmount);
    compare('amount', '>', filter.greaterThanAmount);
    compare('amount', '<', filter.lessThanAmount);
    compare('balance', '=', filter.exactBalance);
    compare('balance', '>', filter.greaterThanBalance);
    compare('balance', '<', filter.lessThanBalance);
    this.idFilter(where, 'i.client_id', filter.clients?.contains, filter.clients?.ids);
    if (filter.clients?.status === 'ACTIVE') where.add(() => `c.archived = false`);
    if (filter.clients?.status === 'ARCHIVED') where.add(() => `c.archived = true`);
    this.idFilter(where, 'i.company_id', filter.companies?.contains, filter.companies?.ids);
    const { rows, total } = await this.query({
      where,
      sortColumn: filter.sortColumn ?? 'ID',
      descending: filter.sortOrder === 'DESCENDING',
      page: filter.page ?? 1,
      pageSize: filter.pageSize ?? 50,
    });
    const now = new Date();
    return { invoices: rows.map((r) => toInvoiceInfoDto(r, now)), total };
  }

  /** CONTAINS / CONTAINS_ONLY: one of the ids; DOES_NOT_CONTAIN: none of them (rows without a value included). */
  private idFilter(where: Where, column: string, contains: string | undefined, ids: string[] | undefined): void {
    if (!ids?.length) return;
    if (contains === 'DOES_NOT_CONTAIN') where.add((p) => `(${column} IS NULL OR ${column} <> ALL(${p(ids)}))`);
    else where.add((p) => `${column} = ANY(${p(ids)})`);
  }

  private async query(request: ListRequest): Promise<{ rows: InvoiceRow[]; total: number }> {
    const { where } = request;
    const order = request.descending ? 'DESC' : 'ASC';
    const [{ count }]: { count: string }[] = await this.store.dataSource.query(`SELECT count(*) AS count FROM ${INVOICE_FROM} WHERE ${where.sql}`, where.params);
    const limit = where.params.length + 1;
    const rows: InvoiceRow[] = await this.store.dataSource.query(
      `SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE ${where.sql}
        ORDER BY ${SORT_SQL[request.sortColumn]} ${order}, i.id ${order}
        LIMIT $${limit} OFFSET $${limit + 1}`,
      [...where.params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    return { rows, total: Number(count) };
  }
}
