/**
 * Workflows saved by 0.1.0 (test/fixtures/workflows-0.1.0, typeVersion 1) run unchanged on today's
 * code and send exactly the requests 0.1.0's own code sent for them (test/fixtures/v0.1.0).
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import {
	digest,
	expectResults0_1_0,
	FULL_UP_TO,
	packageNodeRuns,
	readGolden,
	readSavedWorkflows,
	sentRequests,
} from '../fixtures/savedWorkflows';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { runSavedNode } from './harness/providers/savedWorkflows';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	// The pacing of the 3,000-item run is skipped on virtual time; no rate cap is checked here.
	useVirtualTime({ holdWhileRequestsOut: false });
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 100_000 } });
});
afterEach(() => useWallTime());

const golden = readGolden('0.1.0');
const runs = readSavedWorkflows('0.1.0').flatMap(({ file, workflow }) =>
	packageNodeRuns(workflow).map((run) => ({ file, run })),
);

describe('0.1.0 workflows through n8n’s engine, at typeVersion 1', () => {
	it('covers every saved workflow and every golden record', () => {
		expect(runs.map(({ run }) => `${run.workflowId} ${run.node.name}`).sort()).toEqual(
			golden.map((record) => `${record.workflowId} ${record.node}`).sort(),
		);
		expect(runs.every(({ run }) => run.node.typeVersion === 1)).toBe(true);
	});

	it.each(runs.map(({ file, run }) => [`${file} › ${run.node.name}`, run] as const))(
		'%s sends the requests 0.1.0 sent',
		async (_name, run) => {
			const result = await runSavedNode(sandbox, run);
			expect(result.error).toBeUndefined();
			const record = golden.find(
				(entry) => entry.workflowId === run.workflowId && entry.node === run.node.name,
			)!;
			const requests = sentRequests(sandbox.requests);
			expect(requests.length).toBe(record.count);
			if (record.count <= FULL_UP_TO) expect(requests).toEqual(record.requests);
			else expect(requests.slice(0, 3)).toEqual(record.requests);
			expect(digest(requests)).toBe(record.digest);
			expectResults0_1_0(
				run.workflowId,
				result.outputs[0].map((item) => item.json),
			);
			expect(sandbox.duplicates()).toHaveLength(0);
		},
		// Not waiting: n8n's own work on the 3,000-item workflow (v010ElItems3000) takes this long on a
		// loaded machine.
		60_000,
	);
});
