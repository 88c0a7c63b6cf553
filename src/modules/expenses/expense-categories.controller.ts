import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ExpenseCategoryQueryDto } from './dto/expense-category-query.dto';
import { ExpenseCategoryArchiveRequestDto, ExpenseCategoryRequestDto } from './dto/expense-category-requests.dto';
import { ExpenseCategoriesWithCountDto, ExpenseCategoryDto } from './dto/expense-category.dto';
import { ExpenseCategoriesService } from './expense-categories.service';
import { setPageHeaders } from '../../common/http/page-headers';

const PAGED = 'Paged: X-Total-Count, X-Page, X-Page-Size and Last-Page headers';

@ApiTags('Expense')
@Controller('v1/workspaces/:workspaceId/expenses/categories')
export class ExpenseCategoriesController {
  constructor(private readonly categories: ExpenseCategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Get all expense categories', operationId: 'getCategories' })
  @ApiOkResponse({ type: ExpenseCategoriesWithCountDto, description: PAGED })
  async list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: ExpenseCategoryQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpenseCategoriesWithCountDto> {
    const { body, total } = await this.categories.list(ws.workspaceId, query);
    setPageHeaders(res, total, query.page, query['page-size']);
    return body;
  }

  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Add an expense category', operationId: 'createExpenseCategory' })
  @ApiCreatedResponse({ type: ExpenseCategoryDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A category with this name exists' })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: ExpenseCategoryRequestDto,
  ): Promise<ExpenseCategoryDto> {
    return this.categories.create(ws.workspaceId, body);
  }

  @Put(':categoryId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update an expense category', operationId: 'updateCategory' })
  @ApiOkResponse({ type: ExpenseCategoryDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A category with this name exists' })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('categoryId', ObjectIdPipe) categoryId: string,
    @Body() body: ExpenseCategoryRequestDto,
  ): Promise<ExpenseCategoryDto> {
    return this.categories.update(ws.workspaceId, categoryId, body);
  }

  @Delete(':categoryId')
  @Roles('WORKSPACE_ADMIN')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an expense category', operationId: 'deleteCategory' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ErrorDto, description: 'Expenses still use the category' })
  async delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('categoryId', ObjectIdPipe) categoryId: string,
  ): Promise<void> {
    await this.categories.delete(ws.workspaceId, categoryId);
  }

  @Patch(':categoryId/status')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Archive an expense category', operationId: 'updateExpenseCategoryStatus' })
  @ApiOkResponse({ type: ExpenseCategoryDto })
  archive(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('categoryId', ObjectIdPipe) categoryId: string,
    @Body() body: ExpenseCategoryArchiveRequestDto,
  ): Promise<ExpenseCategoryDto> {
    return this.categories.setArchived(ws.workspaceId, categoryId, body.archived);
  }
}
