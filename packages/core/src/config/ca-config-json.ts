// ca-config.json as a JavaScript object: the keys cfssl's config.Config reads (Go matches keys
// case-insensitively, so other spellings decode too).

/** One signing profile of ca-config.json (cfssl config.SigningProfile's JSON keys). */
export interface CaConfigProfileJson {
  usages?: string[];
  expiry?: string;
  backdate?: string;
  ca_constraint?: { is_ca?: boolean; max_path_len?: number; max_path_len_zero?: boolean };
  auth_key?: string;
  prev_auth_key?: string;
  remote?: string;
  [key: string]: unknown;
}

/** A whole ca-config.json as an object. */
export interface CaConfigJson {
  signing?: { default?: CaConfigProfileJson; profiles?: Record<string, CaConfigProfileJson> } | null;
  auth_keys?: Record<string, { type: string; key: string }>;
  remotes?: Record<string, string>;
  [key: string]: unknown;
}
