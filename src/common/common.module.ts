import { Global, Module } from '@nestjs/common';
import { AddonTokenService } from './auth/addon-token.service';
import { AuthService } from './auth/auth.service';
import { OutboxService } from './outbox/outbox.service';

/** Cross-cutting services every domain module may inject. */
@Global()
@Module({
  providers: [AuthService, AddonTokenService, OutboxService],
  exports: [AuthService, AddonTokenService, OutboxService],
})
export class CommonModule {}
