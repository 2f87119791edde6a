import { addNote, type Exchange } from '../exchange';
import { GATEWAY_ERRORS } from '../gatewayResponses';
import { localRegion } from '../lambda/localAccount';
import type { AuthorizerOutcome } from './caller';
import { verifySigV4, type SigV4Failure } from './sigv4';

const ERROR_TYPES: Record<Exclude<SigV4Failure, 'missing'>, string> = {
  incomplete: 'IncompleteSignatureException',
  unknownKey: 'UnrecognizedClientException',
  scope: 'InvalidSignatureException',
  expired: 'InvalidSignatureException',
  mismatch: 'InvalidSignatureException',
};

/**
 * IAM authorization: the request must carry a SigV4 signature (service `execute-api`, the
 * local region) made with one of the config's `iamAccessKeys`. Only the signature is checked:
 * no IAM policy is evaluated, so a valid signature is taken as allowed to invoke.
 */
/** An access key id as notes show it: enough to tell the configured keys apart, not the key itself. */
function maskedKeyId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}...${id.slice(-4)}` : '...';
}

export function runIamAuthorizer(exchange: Exchange): AuthorizerOutcome {
  const { request, settings } = exchange;
  const keys = settings.config.iamAccessKeys;
  const check = verifySigV4(
    { method: request.method, rawPath: request.rawPath, rawQuery: request.query.raw, headers: request.headers, body: request.body },
    keys,
    { region: localRegion(), service: 'execute-api' },
  );
  if (!check.ok) {
    if (check.failure === 'missing') {
      addNote(exchange, /(^|&)X-Amz-Signature=/i.test(request.query.raw) ? 'IAM: presigned URLs (a signature in the query string) are not emulated; sign the Authorization header' : 'IAM: the request is not signed (no Authorization header)');
      return GATEWAY_ERRORS.missingSignature();
    }
    if (check.failure === 'unknownKey') addNote(exchange, keys.length === 0 ? 'IAM: apigw.config.json has no "iamAccessKeys" to check signatures against' : "IAM: the signature's access key is not in apigw.config.json iamAccessKeys");
    else addNote(exchange, `IAM: SigV4 check failed (${check.failure})`);
    return GATEWAY_ERRORS.invalidSignature(check.message, ERROR_TYPES[check.failure]);
  }
  addNote(exchange, `IAM: SigV4 signature of access key ${maskedKeyId(check.accessKeyId)} verified; IAM policies are not evaluated, so execute-api:Invoke is taken as allowed${check.sessionToken ? ' (the session token is not checked)' : ''}`);
  return { caller: { kind: 'iam', accessKey: check.accessKeyId } };
}
