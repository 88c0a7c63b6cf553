import { Injectable } from '@nestjs/common';
import { InvoiceFilterRequestDto, InvoiceQueryDto } from './dto/invoice-filter.dto';
import type { InvoiceInfoResponseDto, InvoicesListDto } from './dto/invoice.dto';
import { toInvoiceDto, toInvoiceInfoDto } from './invoice.mapper';
import { invoiceFilterConditions, invoicePage, invoiceStatusConditions } from './invoice-list.store';
import { InvoiceStore } from './invoice.store';

/** GET /invoices and POST /invoices/info: filters, sort and paging in one SQL query plus a count. */
@Injectable()
export class InvoiceListService {
  constructor(private readonly store: InvoiceStore) {}

  async list(workspaceId: string, query: InvoiceQueryDto): Promise<InvoicesListDto> {
    const { rows, total } = await invoicePage(this.store.dataSource.manager, {
      where: invoiceStatusConditions(workspaceId, query.statuses),
      sortColumn: query['sort-column'] ?? 'ID',
      descending: query['sort-order'] === 'DESCENDING',
      page: query.page,
      pageSize: query['page-size'],
    });
    return { invoices: rows.map(toInvoiceDto), total };
  }

  async info(workspaceId: string, filter: InvoiceFilterRequestDto): Promise<InvoiceInfoResponseDto> {
    const { rows, total } = await invoicePage(this.store.dataSource.manager, {
      where: invoiceFilterConditions(workspaceId, filter),
      sortColumn: filter.sortColumn ?? 'ID',
      descending: filter.sortOrder === 'DESCENDING',
      page: filter.page ?? 1,
      pageSize: filter.pageSize ?? 50,
    });
    const now = new Date();
    return { invoices: rows.map((r) => toInvoiceInfoDto(r, now)), total };
  }
}
