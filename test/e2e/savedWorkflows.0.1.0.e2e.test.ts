/**
 * Workflows saved by 0.1.0 (test/fixtures/workflows-0.1.0, typeVersion 1), imported into a real n8n
 * as files and run unchanged: the same results as their current-version twins, and the requests
 * 0.1.0's own code sent (test/fixtures/v0.1.0), but for the cid a real n8n derives from its own ids.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../../dev/n8n/localN8n';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import {
	digest,
	expectResults0_1_0,
	FULL_UP_TO,
	packageNodeRuns,
	readGolden,
	readSavedWorkflows,
	sentRequests,
	withCidMasked,
} from '../fixtures/savedWorkflows';
import { startE2E, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;
const saved = readSavedWorkflows('0.1.0');
const golden = readGolden('0.1.0');

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows(saved.map(({ workflow }) => workflow as unknown as IDataObject));
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('0.1.0 workflows in a real n8n, at typeVersion 1', () => {
	it.each(saved.map(({ file, workflow }) => [file, workflow] as const))(
		'%s runs unchanged and sends what 0.1.0 sent',
		async (_file, workflow) => {
			const result = await n8n.execute(workflow.id);
			expect(result.error).toBeUndefined();
			expect(result.ok).toBe(true);
			for (const run of packageNodeRuns(workflow)) {
				const record = golden.find(
					(entry) => entry.workflowId === workflow.id && entry.node === run.node.name,
				)!;
				const paths = new Set(record.requests.map((request) => request.path));
				const requests = sentRequests(
					sandbox.requests.filter((request) => paths.has(request.path)),
					true,
				);
				expect(requests.length).toBe(record.count);
				if (record.count <= FULL_UP_TO) expect(requests).toEqual(withCidMasked(record.requests));
				expect(digest(requests)).toBe(record.maskedDigest);
				expectResults0_1_0(
					workflow.id,
					result.outputs(run.node.name)[0].map((item) => item.json),
				);
			}
			expect(sandbox.duplicates()).toHaveLength(0);
		},
		300_000,
	);

	it('the 0.1.0 campaign report example reads the statistics of the push it sent', async () => {
		const result = await n8n.execute('v010ExElReport');
		expect(result.ok).toBe(true);
		const [sent] = result.outputs('Send campaign')[0];
		expect(result.outputs('Get report')[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ status: 'sent', msgId: sent.json.msgId, targets: 3, delivered: 3 }),
		]);
	}, 120_000);
});
