import { IsInt, IsString, MaxLength, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class BaseDto {
  @IsString()
  name!: string;
}

class ChildDto extends BaseDto {
  @IsInt()
  count!: number;
}

const child = (name: unknown, count: unknown) => Object.assign(new ChildDto(), { name, count });
const failed = async (dto: object) => (await validate(dto)).map((e) => e.property).sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('keeps the rules of a class and of its parents, on every call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await failed(child(1, 'x'))).toEqual(['count', 'name']);
      expect(await failed(child('a', 2))).toEqual([]);
    }
  });

  it('sees rules added after a lookup (decorators run later, e.g. a mapped type)', async () => {
    expect(await failed(child('abcdef', 2))).toEqual([]);
    MaxLength(3)(BaseDto.prototype, 'name');
    expect(await failed(child('abcdef', 2))).toEqual(['name']);
  });

  it('is installed once', async () => {
    cacheValidationMetadata();
    expect(await failed(child('a', 'x'))).toEqual(['count']);
  });
});
