/** ClientDtoV1 (the reference's answer of update and delete; every answer here carries currencyCode too). */
export class ClientDto {
  /** @example "44a687e29ae1f428e7ebe305" */
  id: string;
  /** @example "Client X" */
  name: string;
  /** @example "clientx@example.com" */
  email: string | null;
  /** @example "Ground Floor, ABC Bldg., Palo Alto, California, USA 94020" */
  address: string | null;
  /** @example "This is a sample note for the client." */
  note: string | null;
  /** Additional emails for sending invoices. @example ["billing@example.com"] */
  ccEmails: string[];
  /** The client's currency (the workspace's currency, whose id is the workspace id). @example "64a687e29ae1f428e7ebe303" */
  currencyId: string;
  archived: boolean;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** ClientWithCurrencyDtoV1: what every client operation answers (list, get, create, update, delete). */
export class ClientWithCurrencyDto extends ClientDto {
  /** @example "USD" */
  currencyCode: string;
}
