import type { AppConfig } from '../config/config.schema.js';

/** Who the security keys are bound to: the dashboard's address (STAFF_URL, else PUBLIC_URL). */
export interface RelyingParty {
  /** the host name: a key enrolled here answers nowhere else */
  readonly id: string;
  /** scheme, host and port, as the browser reports it in clientDataJSON */
  readonly origin: string;
  readonly name: string;
}

export function relyingPartyOf(config: Pick<AppConfig, 'PUBLIC_URL' | 'STAFF_URL' | 'PORT' | 'MECHANISM_NAME'>): RelyingParty {
  const url = new URL(config.STAFF_URL ?? config.PUBLIC_URL ?? `http://localhost:${config.PORT}`);
  return { id: url.hostname, origin: url.origin, name: config.MECHANISM_NAME };
}
