import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AddonTokenService } from '../../common/auth/addon-token.service';
import { Public } from '../../common/decorators/auth.decorators';

/** The public keys add-ons trust instead of Clockify's: verify tokens and webhook signatures without a shared secret. */
@ApiTags('Add-ons')
@Public()
@Controller()
export class AddonKeysController {
  constructor(private readonly tokens: AddonTokenService) {}

  /** Every key that may have signed a live token, and the next one before it signs (rotation). */
  @Get('.well-known/jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'JSON Web Key Set of the add-on token keys', operationId: 'getAddonJwks' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { keys: { type: 'array', items: { type: 'object', additionalProperties: true } } },
    },
  })
  jwks(): Promise<{ keys: object[] }> {
    return this.tokens.jwks();
  }

  /** The key signing now, as an X.509 SubjectPublicKeyInfo PEM (what Clockify's docs print); prefer the JWKS across rotations. */
  @Get('v1/addons/public-key')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: 'Public key of add-on tokens (PEM)', operationId: 'getAddonPublicKey' })
  @ApiOkResponse({ schema: { type: 'string' } })
  publicKey(): Promise<string> {
    return this.tokens.publicKeyPem();
  }
}
