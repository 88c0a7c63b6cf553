import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { env } from '../../config/env.validation';
import { ExpenseQueryDto } from './dto/expense-query.dto';
import { CreateExpenseDto, UpdateExpenseDto } from './dto/expense-requests.dto';
import { ExpenseDto, ExpensesAndTotalsDto } from './dto/expense.dto';
import { checkReceipt, ExpenseFilesService, type UploadedReceipt } from './expense-files.service';
import { ExpenseReadService } from './expense-read.service';
import { ExpensesService } from './expenses.service';
import { setPageHeaders } from '../../common/http/page-headers';

const receiptUpload = () =>
  FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: env().EXPENSE_FILE_MAX_BYTES, files: 1 } });
const TOO_LARGE = { type: ErrorDto, description: 'Receipt larger than EXPENSE_FILE_MAX_BYTES' };
const BAD_TYPE = { type: ErrorDto, description: 'Receipt is not a PNG, JPEG, GIF, WebP image or a PDF' };

/**
 * Expenses: members see and change their own (and team managers those of the
 * users they manage); admins all. Invoiced or approved expenses are locked for non-admins.
 */
@ApiTags('Expense')
@Controller('v1/workspaces/:workspaceId/expenses')
export class ExpensesController {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly reader: ExpenseReadService,
    private readonly files: ExpenseFilesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get all expenses on a workspace', operationId: 'getExpenses' })
  @ApiOkResponse({
    type: ExpensesAndTotalsDto,
    description: 'Paged: X-Total-Count, X-Page, X-Page-Size and Last-Page headers',
  })
  async list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: ExpenseQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpensesAndTotalsDto> {
    const { body, total } = await this.reader.list(ws, query);
    setPageHeaders(res, total, query.page, query['page-size']);
    return body;
  }

  @Post()
  @UseInterceptors(receiptUpload())
  @ApiOperation({ summary: 'Create an expense', operationId: 'createExpense' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateExpenseDto })
  @ApiCreatedResponse({ type: ExpenseDto })
  @ApiPayloadTooLargeResponse(TOO_LARGE)
  @ApiUnsupportedMediaTypeResponse(BAD_TYPE)
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateExpenseDto,
    @UploadedFile() file: UploadedReceipt | undefined,
  ): Promise<ExpenseDto> {
    return this.expenses.create(ws, body, checkReceipt(file));
  }

  @Get(':expenseId')
  @ApiOperation({ summary: 'Get an expense by ID', operationId: 'getExpense' })
  @ApiOkResponse({ type: ExpenseDto })
  async get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('expenseId', ObjectIdPipe) expenseId: string,
  ): Promise<ExpenseDto> {
    return this.reader.get(ws, expenseId);
  }

  @Put(':expenseId')
  @UseInterceptors(receiptUpload())
  @ApiOperation({ summary: 'Update an expense', operationId: 'updateExpense' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UpdateExpenseDto })
  @ApiOkResponse({ type: ExpenseDto })
  @ApiPayloadTooLargeResponse(TOO_LARGE)
  @ApiUnsupportedMediaTypeResponse(BAD_TYPE)
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('expenseId', ObjectIdPipe) expenseId: string,
    @Body() body: UpdateExpenseDto,
    @UploadedFile() file: UploadedReceipt | undefined,
  ): Promise<ExpenseDto> {
    return this.expenses.update(ws, expenseId, body, checkReceipt(file));
  }

  @Delete(':expenseId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an expense', operationId: 'deleteExpense' })
  @ApiOkResponse({ description: 'Deleted' })
  async delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('expenseId', ObjectIdPipe) expenseId: string,
  ): Promise<void> {
    await this.expenses.delete(ws, expenseId);
  }

  @Get(':expenseId/files/:fileId')
  @ApiOperation({ summary: 'Download a receipt', operationId: 'downloadFile' })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')
  @ApiOkResponse({ description: 'The receipt', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorDto })
  async download(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('expenseId', ObjectIdPipe) expenseId: string,
    @Param('fileId', ObjectIdPipe) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.download(ws, expenseId, fileId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.data, {
      type: file.content_type,
      length: file.data.length,
      disposition: `attachment; filename="${file.name.replace(/"/g, '')}"`,
    });
  }
}
