/**
 * setup-env.ts gives each test file a fresh N8N_USER_FOLDER under the OS temp dir; n8n-core writes its
 * settings file there. Importing the harness registers an afterAll that deletes it (only that folder:
 * it must sit directly in tmpdir and carry setup-env's prefix).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';

const PREFIX = 'n8n-engine-harness-';

export function removeUserFolderAfterAll(): void {
	const folder = process.env.N8N_USER_FOLDER;
	if (typeof afterAll !== 'function' || !folder) return;
	if (dirname(folder) !== tmpdir() || !basename(folder).startsWith(PREFIX)) return;
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
}
