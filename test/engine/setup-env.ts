/**
 * Jest `setupFiles` entry of the engine project: runs before each test file, before n8n-core is loaded.
 * n8n-core's InstanceSettings writes `<N8N_USER_FOLDER>/.n8n/config` on first use (it always saves the
 * settings file), so every test file gets a fresh temp folder instead of the home folder; the harness
 * removes it again in an `afterAll` (see harness/user-folder.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The prefix is matched by harness/user-folder.ts before it deletes the folder.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-engine-harness-'));
// InstanceSettings generates and saves a random key when none is set; a fixed one keeps runs repeatable.
process.env.N8N_ENCRYPTION_KEY = 'engine-harness-encryption-key';
// n8n's Logger (@n8n/backend-common) reads these through GlobalConfig.
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
