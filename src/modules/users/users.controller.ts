import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import type { Principal } from '../../common/auth/principal';
import { CurrentPrincipal, Public } from '../../common/decorators/auth.decorators';
import { LinkBase } from '../../common/decorators/link-base.decorator';
import { ErrorDto } from '../../common/dto/error.dto';
import { env } from '../../config/env.validation';
import { CurrentUserService } from './current-user.service';
import { CurrentUserQueryDto } from './dto/current-user-query.dto';
import { UploadFileResponseDto } from './dto/upload.dto';
import { UserDto } from './dto/user.dto';
import { ImagesService, UploadedImage } from './images.service';

@ApiTags('User')
@Controller('v1')
export class UsersController {
  constructor(
    private readonly currentUser: CurrentUserService,
    private readonly images: ImagesService,
  ) {}

  @Get('user')
  @ApiOperation({ summary: "Get currently logged-in user's info", operationId: 'getLoggedUser' })
  @ApiOkResponse({ type: UserDto })
  getLoggedUser(@CurrentPrincipal() principal: Principal, @Query() query: CurrentUserQueryDto): Promise<UserDto> {
    return this.currentUser.get(principal.userId, query['include-memberships'] ?? false);
  }

  @Post('file/image')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: env().MAX_IMAGE_BYTES, files: 1 } }),
  )
  @ApiOperation({ summary: 'Add a photo', operationId: 'uploadImage' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Image to be uploaded (PNG, JPEG, GIF or WebP)' },
      },
    },
  })
  @ApiOkResponse({ type: UploadFileResponseDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'No file' })
  @ApiPayloadTooLargeResponse({ type: ErrorDto, description: 'Larger than MAX_IMAGE_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorDto, description: 'Not a PNG, JPEG, GIF or WebP image' })
  uploadImage(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: UploadedImage | undefined,
    @LinkBase() linkBase: string,
  ): Promise<UploadFileResponseDto> {
    return this.images.upload(principal.userId, file, linkBase);
  }

  /** Extension (not in the reference): serves an uploaded image, so that the `url` of an upload works. No credentials needed. */
  @Public()
  @Get('file/image/:name')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Get an uploaded image (extension)', operationId: 'getImage' })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorDto })
  async getImage(@Param('name') name: string): Promise<StreamableFile> {
    const image = await this.images.find(name);
    return new StreamableFile(image.data, { type: image.contentType, length: image.data.length });
  }
}
