import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { InvoiceExportQueryDto } from './dto/invoice-export-query.dto';
import { InvoiceFilterRequestDto, InvoiceQueryDto } from './dto/invoice-filter.dto';
import {
  ChangeInvoiceStatusRequestDto,
  CreateInvoiceRequestDto,
  UpdateInvoiceRequestDto,
} from './dto/invoice-requests.dto';
import { InvoiceSettingsDto, UpdateInvoiceSettingsRequestDto } from './dto/invoice-settings.dto';
import { CreateInvoiceResultDto, InvoiceInfoResponseDto, InvoiceOverviewDto, InvoicesListDto } from './dto/invoice.dto';
import { InvoiceListService } from './invoice-list.service';
import { InvoicePaymentsService } from './invoice-payments.service';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceSettingsService } from './invoice-settings.service';
import { InvoicesService } from './invoices.service';

/** Invoices are for workspace admins (and the owner); add-ons act as admins. */
@ApiTags('Invoice')
@Controller('v1/workspaces/:workspaceId/invoices')
@Roles('WORKSPACE_ADMIN')
@ApiBadRequestResponse({ type: ErrorDto })
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly lists: InvoiceListService,
    private readonly settings: InvoiceSettingsService,
    private readonly payments: InvoicePaymentsService,
    private readonly pdf: InvoicePdfService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get all invoices on a workspace', operationId: 'getInvoices' })
  @ApiOkResponse({ type: InvoicesListDto })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: InvoiceQueryDto): Promise<InvoicesListDto> {
    return this.lists.list(ws.workspaceId, query);
  }

  /** Without `number`, the invoice gets the settings' prefix + next number; without `dueDate`, issuedDate + the settings' due days. */
  @Post()
  @ApiOperation({ summary: 'Add an invoice', operationId: 'createInvoice' })
  @ApiCreatedResponse({ type: CreateInvoiceResultDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Client not found' })
  @ApiConflictResponse({ type: ErrorDto, description: 'Invoice number already used in this workspace' })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateInvoiceRequestDto,
  ): Promise<CreateInvoiceResultDto> {
    return this.invoices.create(ws, body);
  }

  /** Invoices matching the filter, one page, with the total count. */
  @Post('info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Filter out invoices', operationId: 'getInvoicesInfo' })
  @ApiOkResponse({ type: InvoiceInfoResponseDto })
  info(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: InvoiceFilterRequestDto,
  ): Promise<InvoiceInfoResponseDto> {
    return this.lists.info(ws.workspaceId, body);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Get an invoice in another language', operationId: 'getInvoiceSettings' })
  @ApiOkResponse({ type: InvoiceSettingsDto })
  getSettings(@CurrentWorkspace() ws: WorkspaceContext): Promise<InvoiceSettingsDto> {
    return this.settings.get(ws.workspaceId);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change an invoice language', operationId: 'updateInvoiceSettings' })
  @ApiOkResponse({ type: InvoiceSettingsDto })
  updateSettings(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: UpdateInvoiceSettingsRequestDto,
  ): Promise<InvoiceSettingsDto> {
    return this.settings.update(ws, body);
  }

  @Get(':invoiceId')
  @ApiOperation({ summary: 'Get an invoice by ID', operationId: 'getInvoice' })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
  ): Promise<InvoiceOverviewDto> {
    return this.invoices.get(ws.workspaceId, id);
  }

  @Put(':invoiceId')
  @ApiOperation({ summary: 'Update an invoice', operationId: 'updateInvoice' })
  @ApiOkResponse({ type: InvoiceOverviewDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Invoice number already used in this workspace' })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Body() body: UpdateInvoiceRequestDto,
  ): Promise<InvoiceOverviewDto> {
    return this.invoices.update(ws, id, body);
  }

  /** Deletes the invoice, its items and payments; its time entries and expenses are no longer invoiced. */
  @Delete(':invoiceId')
  @ApiOperation({ summary: 'Delete an invoice', operationId: 'deleteInvoice' })
  @ApiOkResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorDto })
  delete(@CurrentWorkspace() ws: WorkspaceContext, @Param('invoiceId', ObjectIdPipe) id: string): Promise<void> {
    return this.invoices.delete(ws, id);
  }

  @Post(':invoiceId/duplicate')
  @ApiOperation({ summary: 'Duplicate an invoice', operationId: 'duplicateInvoice' })
  @ApiCreatedResponse({ type: InvoiceOverviewDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  duplicate(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
  ): Promise<InvoiceOverviewDto> {
    return this.invoices.duplicate(ws, id);
  }

  /** PAID records a payment of the open balance; UNSENT/SENT/OVERDUE need an invoice without payments (409). */
  @Patch(':invoiceId/status')
  @ApiOperation({ summary: 'Change an invoice status', operationId: 'changeInvoiceStatus' })
  @ApiOkResponse({ description: 'Status changed' })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'The status contradicts the payments' })
  changeStatus(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Body() body: ChangeInvoiceStatusRequestDto,
  ): Promise<void> {
    return this.payments.changeStatus(ws, id, body.invoiceStatus);
  }

  @Get(':invoiceId/export')
  @ApiOperation({ summary: 'Export an invoice', operationId: 'exportInvoice' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The invoice as a PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorDto })
  async export(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('invoiceId', ObjectIdPipe) id: string,
    @Query() query: InvoiceExportQueryDto,
  ): Promise<StreamableFile> {
    const { number, pdf } = await this.pdf.export(ws.workspaceId, id, query.userLocale);
    const filename = `invoice-${number.replace(/[^\w.-]+/g, '_')}.pdf`;
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
