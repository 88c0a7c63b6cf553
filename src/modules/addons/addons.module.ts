import { Module } from '@nestjs/common';
import { AddonsService } from './addons.service';

/** Add-on installations and their tokens (installed by the operator CLI). */
@Module({ providers: [AddonsService], exports: [AddonsService] })
export class AddonsModule {}
