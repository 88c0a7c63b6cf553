import { BadRequestException, Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { detectImage } from '../../common/utils/file-types';
import { newId } from '../../common/utils/ids';
import type { UploadFileResponseDto } from './dto/upload.dto';
import type { Image } from './entities/image.entity';
import { UsersStore } from './users.store';

export const IMAGE_NAME = /^image-[0-9a-f]{24}\.(png|jpg|gif|webp)$/;

export interface UploadedImage {
  buffer: Buffer;
}

/** Uploaded images, kept in the database so that any instance can serve them. */
@Injectable()
export class ImagesService {
  constructor(private readonly store: UsersStore) {}

  async upload(userId: string, file: UploadedImage | undefined, linkBase: string): Promise<UploadFileResponseDto> {
    if (!file?.buffer?.length) throw new BadRequestException('The multipart field `file` with an image is required');
    const kind = detectImage(file.buffer);
    if (!kind) throw new UnsupportedMediaTypeException('Only PNG, JPEG, GIF and WebP images are accepted');
    const id = newId();
    const name = `image-${id}.${kind.extension}`;
    await this.store.insertImage({ id, name, userId, contentType: kind.contentType, data: file.buffer });
    return { name, url: `${linkBase}/v1/file/image/${name}` };
  }

  async find(name: string): Promise<Pick<Image, 'contentType' | 'data'>> {
    const image = IMAGE_NAME.test(name) ? await this.store.findImage(name) : null;
    if (!image) throw new NotFoundException('Image not found');
    return image;
  }
}
