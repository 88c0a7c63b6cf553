import { detectImage, detectImageOrPdf } from './file-types';

describe('file types from magic bytes', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

  it.each([
    [png, 'image/png', 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'image/jpeg'],
    [Buffer.from('GIF89a....'), 'image/gif', 'image/gif'],
    [webp, 'image/webp', 'image/webp'],
    [pdf, null, 'application/pdf'],
    [Buffer.from('hello'), null, null],
    [Buffer.alloc(0), null, null],
  ])('%#: image %s, image or pdf %s', (data, image, imageOrPdf) => {
    expect(detectImage(data)?.contentType ?? null).toBe(image);
    expect(detectImageOrPdf(data)?.contentType ?? null).toBe(imageOrPdf);
  });
});
