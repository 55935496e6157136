/** A configured API key: only the SHA-256 of the key is kept. */
export interface ApiKeyEntry {
  readonly clientId: string;
  /** SHA-256 of the key, 32 bytes. */
  readonly keyHash: Buffer;
  readonly scopes: readonly string[];
}

export interface JwtConfig {
  /** HS256 shared secret. */
  readonly secret: Buffer;
  readonly issuer?: string;
  readonly audience?: string;
  /** Clock skew tolerated on exp / nbf, seconds. */
  readonly leewaySeconds: number;
}

export interface AuthConfig {
  readonly apiKeys: readonly ApiKeyEntry[];
  readonly jwt?: JwtConfig;
  /** True when the documented development key (procurelink-dev-key) is the key set in use. */
  readonly devKeyInUse: boolean;
}

/** Who is calling, once authenticated. */
export interface Principal {
  readonly client: string;
  readonly scopes: ReadonlySet<string>;
  readonly via: 'api-key' | 'jwt';
}
