/** WebhookDtoV1. */
export class WebhookDto {
  /** Sent in the Clockify-Signature header of every delivery; PATCH .../token regenerates it. */
  authToken: string;
  /** Whether deliveries are being made. */
  deliveryEnabled: boolean;
  enabled: boolean;
  /** @example "76a687e29ae1f428e7ebe101" */
  id: string;
  /** @example "stripe" */
  name: string;
  /** Always true: no plan limits here beyond the webhook counts. */
  planEnabled: boolean;
  /** @example ["54a687e29ae1f428e7ebe909"] */
  triggerSource: string[];
  /** @example "PROJECT_ID" */
  triggerSourceType: string;
  /** @example "https://example-clockify.com/stripeEndpoint" */
  url: string;
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "NEW_PROJECT" */
  webhookEvent: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** Extension: the add-on owning this webhook, null for one created by a member. */
  addonId: string | null;
  /**
   * Extension: the Standard Webhooks secret (`whsec_` + base64) that signs the
   * webhook-signature header; see docs/webhooks.md for verification.
   */
  signingSecret: string;
}

/** WebhooksDtoV1. */
export class WebhooksDto {
  webhooks: WebhookDto[];
  /** Number of webhooks in the workspace. @example 5 */
  workspaceWebhookCount: number;
}

/** WebhookLogDtoV1: one event sent to one webhook, with its latest attempt. */
export class WebhookLogDto {
  /** The delivery id (also the `webhook-id` header). @example "65e5b854fe0dfa24f1528ef0" */
  id: string;
  /** The JSON body sent. */
  requestBody: string;
  /** When the latest response came, null before any. @example "2024-03-04T12:02:28Z" */
  respondedAt: string | null;
  /** The start of the latest response body (at most 1 KB). */
  responseBody: string | null;
  /** Status code of the latest response, null when none came. @example 200 */
  statusCode: number | null;
  /** Same as `id`. */
  webhookEventStatusId: string;
  /** @example "65df5508d2dd8f23a68537af" */
  webhookId: string;
  /** Extension: the event sent. @example "NEW_PROJECT" */
  event: string;
  /** Extension: PENDING (sending or waiting for a retry), SUCCEEDED or FAILED. */
  status: string;
  /** Extension: attempts made so far. */
  attempts: number;
  /** Extension: duration of the latest attempt in ms. */
  durationMs: number | null;
  /** Extension: why the latest attempt failed without a response (timeout, network error, refused address). */
  error: string | null;
  /** Extension: when the event was enqueued. */
  createdAt: string;
  /** Extension: when the next attempt is due (PENDING only). */
  nextAttemptAt: string | null;
}
