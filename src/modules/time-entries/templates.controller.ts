import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Param,
  Patch,
  PipeTransform,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import type { FieldErrorDto } from '../../common/dto/error.dto';
import type { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { createValidationPipe } from '../../common/pipes/validation';
import { TemplateListQueryDto, TemplateViewQueryDto } from './dto/template-query.dto';
import { TemplatePatchRequestDto, TemplateRequestDto } from './dto/template-request.dto';
import { TemplateDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';

const MAX_TEMPLATES_PER_REQUEST = 100;

/**
 * The create body is a JSON array of TemplateRequest. Each item is validated like
 * any body (unknown fields 400), with errors keyed `[index].field`.
 */
@Injectable()
export class TemplateArrayPipe implements PipeTransform<unknown, Promise<TemplateRequestDto[]>> {
  private readonly validation = createValidationPipe();

  async transform(value: unknown): Promise<TemplateRequestDto[]> {
    if (!Array.isArray(value)) throw new BadRequestException('The body must be an array of templates');
    if (!value.length || value.length > MAX_TEMPLATES_PER_REQUEST) {
      throw new BadRequestException(`The body must hold 1 to ${MAX_TEMPLATES_PER_REQUEST} templates`);
    }
    const result: TemplateRequestDto[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new BadRequestException(`[${index}] must be a template object`);
      }
      try {
        result.push(
          (await this.validation.transform(item, { type: 'body', metatype: TemplateRequestDto })) as TemplateRequestDto,
        );
      } catch (error) {
        if (!(error instanceof BadRequestException)) throw error;
        const { errors = [] } = error.getResponse() as { errors?: FieldErrorDto[] };
        const prefixed = errors.map((e) => ({ field: `[${index}].${e.field}`, message: e.message }));
        throw new BadRequestException({ message: prefixed[0]?.message ?? error.message, errors: prefixed });
      }
    }
    return result;
  }
}

@ApiTags('Template (Deprecated)')
@Controller('v1/workspaces/:workspaceId/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Get all templates on a workspace', operationId: 'getTemplates', deprecated: true })
  @ApiOkResponse({ type: [TemplateDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: TemplateListQueryDto): Promise<Page<TemplateDto>> {
    return this.templates.list(ws, query);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create templates on a workspace', operationId: 'createTemplates', deprecated: true })
  @ApiBody({ type: [TemplateRequestDto] })
  @ApiOkResponse({ type: [TemplateDto] })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body(TemplateArrayPipe) body: TemplateRequestDto[],
  ): Promise<TemplateDto[]> {
    return this.templates.create(ws, body);
  }

  @Get(':templateId')
  @ApiOperation({ summary: 'Get template by ID on a workspace', operationId: 'getTemplate', deprecated: true })
  @ApiOkResponse({ type: TemplateDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('templateId', ObjectIdPipe) templateId: string,
    @Query() query: TemplateViewQueryDto,
  ): Promise<TemplateDto> {
    return this.templates.get(ws, templateId, query);
  }

  @Patch(':templateId')
  @ApiOperation({ summary: 'Update a template', operationId: 'updateTemplate', deprecated: true })
  @ApiOkResponse({ type: TemplateDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('templateId', ObjectIdPipe) templateId: string,
    @Body() body: TemplatePatchRequestDto,
  ): Promise<TemplateDto> {
    return this.templates.update(ws, templateId, body);
  }

  @Delete(':templateId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a template', operationId: 'deleteTemplate', deprecated: true })
  @ApiOkResponse({ type: TemplateDto })
  remove(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('templateId', ObjectIdPipe) templateId: string,
  ): Promise<TemplateDto> {
    return this.templates.delete(ws, templateId);
  }
}
