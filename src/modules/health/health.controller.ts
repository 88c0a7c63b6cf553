import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { env } from '../../config/env.validation';
import { HealthService } from './health.service';

export class HealthDto {
  /** @example "ok" */
  status: string;
  /** @example "up" */
  database: string;
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness and database reachability, answered within HEALTH_TIMEOUT_MS; no credentials needed. */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({
    type: ErrorDto,
    description: 'The database is down or did not answer within HEALTH_TIMEOUT_MS',
  })
  async check(): Promise<HealthDto> {
    if (await this.health.databaseAnswers(env().HEALTH_TIMEOUT_MS)) return { status: 'ok', database: 'up' };
    throw new ServiceUnavailableException({ message: 'Database is down', status: 'error', database: 'down' });
  }
}
