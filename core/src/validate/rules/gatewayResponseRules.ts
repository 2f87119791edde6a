import type { ValidationContext } from '../context';
import { getProperty } from '../../document/pointer';
import { GATEWAY_RESPONSES, suggestName } from '../../catalog';

/** Keys of x-amazon-apigateway-gateway-responses are gateway response types. */
export function checkGatewayResponses(ctx: ValidationContext): void {
  const root = ctx.model.root;
  const map = root && getProperty(root, 'x-amazon-apigateway-gateway-responses')?.valueNode;
  if (map?.kind !== 'object') return;
  const types = GATEWAY_RESPONSES.map((g) => g.type);
  for (const prop of map.properties) {
    const name = prop.keyNode.value;
    if (types.includes(name)) continue;
    const upper = name.toUpperCase();
    const guess = types.includes(upper) ? upper : suggestName(upper, types);
    ctx.report(
      'apigw.gateway-response.unknown-type',
      prop.keyNode,
      `'${name}' is not a gateway response type.${guess ? ` Did you mean '${guess}'?` : ' Use one of DEFAULT_4XX, DEFAULT_5XX, UNAUTHORIZED, ACCESS_DENIED, ... (21 types).'}`,
    );
  }
}
