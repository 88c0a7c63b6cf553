import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TaskViewsService } from './task-views.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Tasks of projects (catalog issue). */
@Module({
  imports: [ProjectsModule],
  controllers: [TasksController],
  providers: [TasksService, TaskViewsService],
  exports: [TaskViewsService],
})
export class TasksModule {}
