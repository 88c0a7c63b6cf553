import type { ClientDto, ClientWithCurrencyDto } from './dto/client.dto';
import type { Client } from './entities/client.entity';

/**
 * A workspace has one currency (GET /workspaces/{id} lists it with the
 * workspace's id as its id), so a client's currencyId is the workspace id.
 */
export function toClientDto(client: Client): ClientDto {
  return {
    id: client.id,
    name: client.name,
    email: client.email,
    address: client.address,
    note: client.note,
    ccEmails: client.ccEmails,
    currencyId: client.workspaceId,
    archived: client.archived,
    workspaceId: client.workspaceId,
  };
}

export function toClientWithCurrencyDto(client: Client, workspaceCurrency: string): ClientWithCurrencyDto {
  return { ...toClientDto(client), currencyCode: client.currencyCode ?? workspaceCurrency };
}
