import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { isObjectId } from '../utils/ids';

/** Path ids are 24-character lowercase hex; anything else is 400, before any query runs. */
@Injectable()
export class ObjectIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isObjectId(value)) {
      throw new BadRequestException(`${metadata.data ?? 'id'} must be a 24-character hex id`);
    }
    return value;
  }
}
