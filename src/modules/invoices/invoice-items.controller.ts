import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { Page } from '../../common/dto/page';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ImportTimeEntriesAndExpensesRequestDto } from './dto/invoice-import.dto';
import { CreateInvoiceItemRequestDto, CreateInvoicePaymentRequestDto } from './dto/invoice-requests.dto';
import { InvoiceOverviewDto, InvoicePaymentDto } from './dto/invoice.dto';
import { InvoiceImportService } from './invoice-import.service';
import { InvoiceItemsService } from './invoice-items.service';
import { InvoicePaymentsService } from './invoice-payments.service';

const orderPipe = new ParseIntPipe({
  exceptionFactory: () => new BadRequestException('order must be a whole number from 1'),
});

/** Items and payments of an invoice. */
@ApiTags('Invoice')
@Controller('v1/workspaces/:workspaceId/invoices/:invoiceId')
@Roles('WORKSPACE_ADMIN')
@ApiBadRequestResponse({ type: ErrorDto })
@ApiNotFoundResponse({ type: ErrorDto, description: 'Invoice (or item, payment) not found' })
export class InvoiceItemsController {
  constructor(
    private readonly items: InvoiceItemsService,
    private readonly imports: InvoiceImportService,
    private readonly payments: InvoicePaymentsService,
  ) {}

  /** Adds a line at the end: amount = quantity (hundredths) × unitPrice, rounded half up on the cent. */
  @Post('items')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add item to an invoice', operationId: 'addInvoiceItem' })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  addItem(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Body() body: CreateInvoiceItemRequestDto,
  ): Promise<InvoiceOverviewDto> {
    return this.items.add(ws, id, body);
  }

  /**
   * Imports the client's billable, not yet invoiced time entries (and expenses) of [from, to) as items,
   * marking them invoiced. Amounts: each line's seconds × the entries' stored hourly rate / 3600, rounded half up.
   */
  @Post('items/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import time entries and expenses to an invoice',
    operationId: 'importTimeEntriesAndExpenses',
  })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A time entry or expense is already on an invoice' })
  importItems(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Body() body: ImportTimeEntriesAndExpensesRequestDto,
  ): Promise<InvoiceOverviewDto> {
    return this.imports.import(ws, id, body);
  }

  /** Removes the item; time entries and expenses imported into it are no longer invoiced. */
  @Delete('items/:order')
  @ApiOperation({ summary: 'Delete item from an invoice', operationId: 'removeInvoiceItem' })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  removeItem(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Param('order', orderPipe) order: number,
  ): Promise<InvoiceOverviewDto> {
    if (order < 1 || order > 2_147_483_647) throw new BadRequestException('order must be a whole number from 1');
    return this.items.remove(ws, id, order);
  }

  @Get('payments')
  @ApiOperation({ summary: 'Get payments for an invoice', operationId: 'getPaymentsForInvoice' })
  @ApiOkResponse({ type: [InvoicePaymentDto] })
  listPayments(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InvoicePaymentDto>> {
    return this.payments.list(ws.workspaceId, id, query);
  }

  /** Records a payment; more than the open balance is 400. The invoice becomes PARTIALLY_PAID or PAID. */
  @Post('payments')
  @ApiOperation({ summary: 'Add payment to an invoice', operationId: 'createInvoicePayment' })
  @ApiCreatedResponse({ type: InvoiceOverviewDto })
  addPayment(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Body() body: CreateInvoicePaymentRequestDto,
  ): Promise<InvoiceOverviewDto> {
    return this.payments.add(ws, id, body);
  }

  @Delete('payments/:paymentId')
  @ApiOperation({ summary: 'Delete payment from an invoice', operationId: 'deletePaymentById' })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  removePayment(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Param('paymentId', ObjectIdPipe) paymentId: string,
  ): Promise<InvoiceOverviewDto> {
    return this.payments.remove(ws, id, paymentId);
  }
}
