import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { env } from '../../config/env.validation';

export class HealthDto {
  /** @example "ok" */
  status: string;
  /** @example "up" */
  database: string;
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  /** The probe in flight: concurrent checks share it, so a frozen database holds one pool connection, not one per check. */
  private probe: Promise<unknown> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, answered within HEALTH_TIMEOUT_MS; no credentials needed. */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: 'The database is down or did not answer within HEALTH_TIMEOUT_MS' })
  async check(): Promise<HealthDto> {
    if (await this.databaseAnswers(env().HEALTH_TIMEOUT_MS)) return { status: 'ok', database: 'up' };
    throw new ServiceUnavailableException({ message: 'Database is down', status: 'error', database: 'down' });
  }

  private async databaseAnswers(withinMs: number): Promise<boolean> {
    const probe = (this.probe ??= this.dataSource.query('SELECT 1').finally(() => (this.probe = undefined)));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
    try {
      return await Promise.race([probe.then(() => true, () => false), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
