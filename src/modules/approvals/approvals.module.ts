import { Module } from '@nestjs/common';

/** Approval requests (approvals issue). */
@Module({})
export class ApprovalsModule {}
