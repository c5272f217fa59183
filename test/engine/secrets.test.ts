/**
 * Secrets never reach errors or output: not as they are typed, not base64-encoded in a Basic header,
 * not as the Bearer token a credential fetched. Each case makes a request that really carried them.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import type { EngineRun } from './harness';
import { pushTo, runEngageLab } from './harness/providers/engagelab';
import { runRuStore, sendTo, SERVICE_TOKEN } from './harness/providers/rustore';
import { liteTo, runSber } from './harness/providers/sber';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Everything a user or a log could see of a run: the error and every output item. */
const visible = (run: EngineRun) => JSON.stringify({ error: run.error, runData: run.runData });

/** The request headers the sandbox saw, to prove the secret really travelled in the case. */
const sentHeaders = () => JSON.stringify(sandbox.requests.map((request) => request.headers));

interface Case {
	name: string;
	run: typeof runRuStore;
	parameters: INodeParameters;
	credentialOverrides?: IDataObject;
	/** What must never be visible. */
	secrets: () => string[];
	/** The form in which a secret went out in the request headers: proof the case can fail. */
	travelled: () => string;
}

const cases: Case[] = [
	{
		name: 'RuStore, a refused service token',
		run: runRuStore,
		parameters: sendTo('device-1'),
		credentialOverrides: { serviceToken: 'wrong-service-token-value' },
		secrets: () => ['wrong-service-token-value'],
		travelled: () => 'Bearer wrong-service-token-value',
	},
	{
		name: 'RuStore, a good service token and a refused push',
		run: runRuStore,
		parameters: sendTo('invalid-1'),
		secrets: () => [SERVICE_TOKEN],
		travelled: () => `Bearer ${SERVICE_TOKEN}`,
	},
	{
		name: 'EngageLab, a refused Master Secret',
		run: runEngageLab,
		parameters: pushTo({ registrationIds: 'rid-1' }),
		credentialOverrides: { masterSecret: 'wrong-master-secret' },
		secrets: () => ['wrong-master-secret', base64('app-key-1:wrong-master-secret')],
		travelled: () => `Basic ${base64('app-key-1:wrong-master-secret')}`,
	},
	{
		name: 'EngageLab, a good Master Secret and a refused push',
		run: runEngageLab,
		parameters: pushTo({ registrationIds: 'unknown-rid-1' }),
		secrets: () => ['master-secret-1', base64('app-key-1:master-secret-1')],
		travelled: () => `Basic ${base64('app-key-1:master-secret-1')}`,
	},
	{
		name: 'Sber, a refused client secret (the token request)',
		run: runSber,
		parameters: liteTo('sub-1'),
		credentialOverrides: { clientSecret: 'wrong-client-secret' },
		secrets: () => ['wrong-client-secret', base64('sandbox-client:wrong-client-secret')],
		travelled: () => `Basic ${base64('sandbox-client:wrong-client-secret')}`,
	},
	{
		name: 'Sber, a fetched access token and a refused push',
		run: runSber,
		parameters: liteTo('sub-1', { templateId: 'no-such-template' }),
		secrets: () => [
			'sandbox-secret',
			base64('sandbox-client:sandbox-secret'),
			...sandbox.requests
				.map((request) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1])
				.filter((token): token is string => Boolean(token)),
		],
		travelled: () => 'Bearer sber-token-',
	},
];

describe.each(cases)('$name', (c) => {
	it.each(['stopWorkflow', 'continueErrorOutput'] as const)(
		'shows none of the secrets (on error: %s)',
		async (onError) => {
			const run = await c.run(sandbox, c.parameters, {
				credentialOverrides: c.credentialOverrides,
				onError,
			});
			expect(run.error ?? run.outputs[1]?.[0]).toBeDefined();
			const secrets = c.secrets();
			expect(secrets.length).toBeGreaterThan(0);
			// The secret went out with the request, so the checks below can fail...
			expect(sentHeaders()).toContain(c.travelled());
			// ...and it is nowhere in what the user sees, in any form.
			for (const secret of secrets) expect(visible(run)).not.toContain(secret);
			expect(visible(run)).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}|Bearer [A-Za-z0-9._-]{8,}/);
		},
	);
});
