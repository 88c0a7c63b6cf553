import { Module } from '@nestjs/common';
import { ApprovalItemsStore } from './approval-items.store';
import { ApprovalListService } from './approval-list.service';
import { ApprovalStatusService } from './approval-status.service';
import { ApprovalStore } from './approval.store';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

/** Approval requests (approvals issue): submit, resubmit, approve / reject / withdraw, list. */
@Module({
  controllers: [ApprovalsController],
  providers: [ApprovalsService, ApprovalListService, ApprovalStatusService, ApprovalStore, ApprovalItemsStore],
})
export class ApprovalsModule {}
