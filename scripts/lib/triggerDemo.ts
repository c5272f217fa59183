/**
 * The trigger examples in a running n8n: published, then called the way EngageLab and Sber call
 * them. One line per call: what was posted, what n8n answered, what the execution put out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	engageLabCallbackBody,
	engageLabHandshake,
	postEngageLabCallback,
	postSberStatus,
	sberStatusBody,
	type EngageLabSigning,
} from '../../dev/sandbox/callbacks';
import { activateWorkflow } from '../../dev/n8n/cli';
import { EXAMPLES_DIR, SANDBOX_CALLBACK, type LocalN8n } from '../../dev/n8n/localN8n';
import { n8nRest, nodeItems, waitForWebhook } from '../../dev/n8n/n8nRest';
import { freePort, startN8nServer } from '../../dev/n8n/n8nServer';

const ENGAGELAB = { id: 'exEngageLabCallbackCrm', file: 'engagelab-callback-crm.json' };
const SBER = { id: 'exSberWithStatuses', file: 'sber-send-with-statuses.json' };

function webhookPath(file: string, suffix: string): string {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
		nodes: Array<{ webhookId?: string }>;
	};
	const id = workflow.nodes.find((node) => node.webhookId)?.webhookId;
	return `/webhook/${id}/${suffix}`;
}

/** Returns the number of calls that were not answered as they should be. */
export async function exerciseTriggers(local: LocalN8n): Promise<number> {
	for (const { id } of [ENGAGELAB, SBER]) {
		const published = await activateWorkflow(local.n8n, id, local.env);
		if (published.code !== 0) throw new Error(`publish ${id} failed: ${published.stderr}`);
	}
	// A port chosen now, not before the examples ran: another program may have taken that one since.
	const server = await startN8nServer(local, await freePort(), 'ignore');
	let failures = 0;
	const check = (what: string, ok: boolean, detail: string) => {
		if (!ok) failures += 1;
		console.log(`${what}: ${detail}; ${ok ? 'ok' : 'FAILED'}`);
	};
	try {
		const rest = await n8nRest(server.url, local.n8n);
		const engageLabUrl = `${server.url}${webhookPath(ENGAGELAB.file, 'webhook')}`;
		const signing: EngageLabSigning = {
			secret: SANDBOX_CALLBACK.engageLabSecret,
			username: SANDBOX_CALLBACK.engageLabUsername,
		};
		const sberPath = webhookPath(SBER.file, 'status');
		await waitForWebhook(engageLabUrl, { echostr: 'ready' });
		await waitForWebhook(`${server.url}${sberPath}`, {});
		const handshake = await engageLabHandshake(engageLabUrl, 'demo-echo-42');
		check(
			'EngageLab Trigger, echostr handshake',
			handshake.status === 200 && handshake.body === 'demo-echo-42',
			`answered ${handshake.status} "${handshake.body}"`,
		);
		const body = engageLabCallbackBody([
			{ message_id: '1500012345', to: 'rid-anna', message_status: 'delivered' },
			{ message_id: '1500012345', to: 'rid-boris', message_status: 'target_invalid' },
		]);
		const keys: string[] = [];
		for (const [round, label] of [
			[1, 'signed callback'],
			[2, 'the same callback again (a retry)'],
		] as const) {
			const delivery = await postEngageLabCallback(engageLabUrl, body, signing);
			const [latest] = await rest.waitForEnded(ENGAGELAB.id, round);
			const run = await rest.run(latest.id);
			const events = nodeItems(run, 'EngageLab Trigger').map((item) => item.json);
			const crm = nodeItems(run, 'Update CRM row').map(
				(item) => `${item.json.customer} → ${item.json.pushStatus}`,
			);
			keys.push(events.map((event) => event.dedupeKey).join(','));
			check(
				`EngageLab Trigger, ${label}`,
				delivery.delivered && (round === 1 ? crm.length === 2 : crm.length === 0),
				`answered ${delivery.attempts[0].status}, ${events.length} event(s) [${events.map((event) => event.status).join(', ')}], CRM rows updated: ${crm.join(', ') || 'none (already seen)'}`,
			);
		}
		check('EngageLab Trigger, dedupeKey of the retry', keys[0] === keys[1], 'same as the first');
		const forged = await postEngageLabCallback(
			engageLabUrl,
			body,
			{ ...signing, forgeWith: 'guessed' },
			{ retryDelaysMs: [10, 60, 300, 1800, 3600].map((ms) => ms / 10) },
		);
		const afterForged = await rest.executions(ENGAGELAB.id);
		check(
			'EngageLab Trigger, forged signature (EngageLab-style retries)',
			forged.attempts.every((attempt) => attempt.status === 401) && afterForged.length === 2,
			`answered ${forged.attempts.map((attempt) => attempt.status).join(', ')}; executions still ${afterForged.length}`,
		);

		const status = sberStatusBody({
			messageId: 4242,
			devices: [{ deviceId: 'box-1', code: 0, description: 'Success' }],
		});
		const before = (await rest.executions(SBER.id)).length;
		const good = await postSberStatus(
			`${server.url}${sberPath}?secret=${SANDBOX_CALLBACK.sberUrlSecret}`,
			status,
		);
		const [latest] = await rest.waitForEnded(SBER.id, before + 1);
		const recorded = nodeItems(await rest.run(latest.id), 'Record statuses').map(
			(item) => `${item.json.deviceId} ${item.json.status}`,
		);
		check(
			'Sber SmartPush Trigger, status with the URL secret',
			good.status === 200 && recorded.length === 1,
			`answered ${good.status}, recorded: ${recorded.join(', ')}`,
		);
		const bad = await postSberStatus(`${server.url}${sberPath}?secret=wrong`, status);
		const after = (await rest.executions(SBER.id)).length;
		check(
			'Sber SmartPush Trigger, wrong secret',
			bad.status === 401 && after === before + 1,
			`answered ${bad.status}; no execution started`,
		);
	} finally {
		await server.stop();
	}
	return failures;
}
