import { Module } from '@nestjs/common';
import { CustomFieldViewsService } from './custom-field-views.service';
import { CustomFieldsController } from './custom-fields.controller';
import { CustomFieldsService } from './custom-fields.service';
import { ProjectCustomFieldsController } from './project-custom-fields.controller';
import { ProjectCustomFieldsService } from './project-custom-fields.service';
import { UserCustomFieldValuesController } from './user-custom-field-values.controller';
import { UserCustomFieldValuesService } from './user-custom-field-values.service';

/** Custom fields of workspaces, projects and users (catalog issue). */
@Module({
  controllers: [CustomFieldsController, ProjectCustomFieldsController, UserCustomFieldValuesController],
  providers: [CustomFieldsService, CustomFieldViewsService, ProjectCustomFieldsService, UserCustomFieldValuesService],
  exports: [CustomFieldViewsService],
})
export class CustomFieldsModule {}
