import { createRuStore, type RuStoreControl, type RuStoreOptions } from './providers/rustore';
import { createSber, type SberControl, type SberOptions } from './providers/sber';
import { startServer, type SandboxServer, type ServerOptions } from './server';

export type { Delivery, FaultOptions, RecordedRequest } from './types';
export type { RuStoreControl, RuStoreOptions } from './providers/rustore';
export type { SberControl, SberOptions } from './providers/sber';

export interface SandboxOptions extends ServerOptions {
	rustore?: Partial<RuStoreOptions>;
	sber?: Partial<SberOptions>;
}

export interface Sandbox extends Omit<SandboxServer, 'configureServer'> {
	rustore: RuStoreControl;
	sber: SberControl;
	/** Changes latency, faults and provider settings while running. */
	configure(patch: SandboxOptions): void;
}

/**
 * A loopback server that answers like the push providers (status codes, error bodies, limits and
 * rate caps), records every request and every accepted push, and injects latency and faults.
 * One module per provider: see providers/.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const { rustore: ruStoreOptions, sber: sberOptions, ...serverOptions } = options;
	const rustore = createRuStore(ruStoreOptions);
	const sber = createSber(sberOptions);
	const server = await startServer([rustore.module, sber.module], serverOptions);
	const { configureServer, ...rest } = server;
	return {
		...rest,
		rustore: rustore.control,
		sber: sber.control,
		configure(patch) {
			const { rustore: ruStorePatch, sber: sberPatch, ...serverPatch } = patch;
			if (ruStorePatch) Object.assign(rustore.control.options, ruStorePatch);
			if (sberPatch) Object.assign(sber.control.options, sberPatch);
			configureServer(serverPatch);
		},
	};
}
