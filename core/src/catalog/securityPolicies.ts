export interface SecurityPolicyGroup {
  policies: readonly string[];
  /** Endpoint types the policies are meant for. */
  endpoints: readonly ('EDGE' | 'REGIONAL' | 'PRIVATE')[];
  /** The split between edge and non-edge policies is read from the names only. */
  verified?: false;
}

/** Values of `x-amazon-apigateway-security-policy`, grouped by the endpoints they are meant for. */
export const SECURITY_POLICY_GROUPS = {
  legacy: { policies: ['TLS_1_0', 'TLS_1_2'], endpoints: ['EDGE', 'REGIONAL', 'PRIVATE'] },
  regionalOrPrivate: {
    policies: [
      'SecurityPolicy_TLS13_1_3_2025_09',
      'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
      'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
      'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
      'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
      'SecurityPolicy_TLS13_1_2_PQ_2025_09',
      'SecurityPolicy_TLS13_1_2_2021_06',
    ],
    endpoints: ['REGIONAL', 'PRIVATE'],
    verified: false,
  },
  edge: {
    policies: ['SecurityPolicy_TLS13_2025_EDGE', 'SecurityPolicy_TLS12_PFS_2025_EDGE', 'SecurityPolicy_TLS12_2018_EDGE'],
    endpoints: ['EDGE'],
    verified: false,
  },
} as const satisfies Readonly<Record<string, SecurityPolicyGroup>>;

export const SECURITY_POLICIES: readonly string[] = Object.values(SECURITY_POLICY_GROUPS).flatMap((group) => group.policies);

/** Enhanced policies start with this; they need `x-amazon-apigateway-endpoint-access-mode`. */
export const ENHANCED_SECURITY_POLICY_PREFIX = 'SecurityPolicy_';
