/**
 * npm run demo: runs every example workflow in a real n8n, headless, against the provider sandbox,
 * and prints one line per workflow: what it sent, what the sandbox received, the outcome. Then it
 * starts the n8n server with the trigger examples published and posts callbacks to them as the
 * providers would (signed, repeated, forged; Sber's status with and without the URL secret).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, IRun } from 'n8n-workflow';

import { parseRun, runCli } from '../dev/n8n/cli';
import { PACKAGE_NAME } from '../dev/n8n/installPackage';
import { startSandbox } from '../dev/sandbox';
import { exerciseTriggers } from './lib/triggerDemo';
import { EXAMPLES_DIR, exampleWorkflows, prepareLocalN8n } from '../dev/n8n/localN8n';
import { freePort, serverEnv } from '../dev/n8n/n8nServer';

function statusCounts(items: INodeExecutionData[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { json } of items) {
		const status = String(
			json.status ?? (json.details as { status?: string } | undefined)?.status ?? 'error',
		);
		counts[status] = (counts[status] ?? 0) + 1;
	}
	return counts;
}

async function main() {
	const sandbox = await startSandbox();
	let failures = 0;
	try {
		const port = await freePort();
		const local = await prepareLocalN8n('demo', sandbox, serverEnv(port));
		// Examples that start only from a webhook trigger are posted to below, in a running server.
		for (const example of exampleWorkflows().filter((workflow) => workflow.startsManually)) {
			sandbox.reset();
			const definition = JSON.parse(readFileSync(join(EXAMPLES_DIR, example.file), 'utf8')) as {
				nodes: Array<{ name: string; type: string }>;
			};
			const pushNodes = definition.nodes
				.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`))
				.map((node) => node.name);
			const result = await runCli(
				local.n8n,
				['execute', `--id=${example.id}`, '--rawOutput'],
				local.env,
			);
			const run = parseRun(result.stdout) as IRun | undefined;
			const error = run?.data.resultData.error;
			const outputs = pushNodes.flatMap(
				(name) => run?.data.resultData.runData[name]?.[0]?.data?.main ?? [],
			);
			const sent = statusCounts(outputs.flatMap((output) => output ?? []));
			const outcome =
				result.code === 0 && !error
					? 'ok'
					: `FAILED: ${error?.message ?? result.stderr.split('\n').slice(-3).join(' ')}`;
			if (outcome !== 'ok') failures += 1;
			const summary =
				Object.entries(sent)
					.map(([status, count]) => `${count} ${status}`)
					.join(', ') || 'nothing';
			console.log(
				`${example.name}: ${summary}; sandbox received ${sandbox.requests.length} request(s), accepted ${sandbox.deliveries.length} push(es); ${outcome}`,
			);
		}
		failures += await exerciseTriggers(local);
	} finally {
		await sandbox.close();
	}
	process.exitCode = failures ? 1 : 0;
}

void main();
