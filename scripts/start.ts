/**
 * npm start: the provider sandbox and a real n8n on http://localhost:5678 with this package installed
 * as a community package, sandbox credentials and the example workflows imported, and an owner account
 * set up, so you land in the editor and can press "Execute workflow". Ctrl-C stops everything.
 */
import { startSandbox } from '../dev/sandbox';
import { OWNER, serverEnv, startN8nServer } from '../dev/n8n/n8nServer';
import { prepareLocalN8n } from '../dev/n8n/localN8n';

const PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5680);

async function main() {
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	console.log(`Provider sandbox: ${sandbox.url}`);
	const local = await prepareLocalN8n('start', sandbox, serverEnv(PORT));
	const server = await startN8nServer(local, PORT).catch(async (error: Error) => {
		await sandbox.close();
		throw error;
	});
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		await server.stop();
		await sandbox.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	void server.exited.then((code) => stop(code));

	console.log(`\nn8n is ready: ${server.url}  (sign in as ${OWNER.email} / ${OWNER.password})`);
	console.log(
		'The example workflows are in the Overview; open one and press "Execute workflow". Ctrl-C stops everything.\n',
	);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
