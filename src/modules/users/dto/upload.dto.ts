/** UploadFileResponseV1. */
export class UploadFileResponseDto {
  /** @example "image-665f1c0a8e2b4a1d9c3e7f21.png" */
  name: string;
  /** Where the image is served (GET, no credentials). @example "https://time.example.com/v1/file/image/image-665f1c0a8e2b4a1d9c3e7f21.png" */
  url: string;
}
