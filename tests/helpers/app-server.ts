/**
 * Starts the built app (`node src/server/index.js`, after `npm run build`) as a child process and
 * talks to it over HTTP like a browser would (same-origin form posts, cookies by hand).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const hasBuild = () => existsSync(resolve(root, 'build/handler.js'));

export interface AppServer {
	origin: string;
	port: number;
	process: ChildProcess;
	/** Everything the server has written so far, stdout and stderr together. */
	log: () => string;
	stop: () => Promise<void>;
}

/** Starts the server on `port` (0: a free one, read from its "Listening on" line). */
export async function startServer(port: number, env: Record<string, string>): Promise<AppServer> {
	const child = spawn(process.execPath, ['src/server/index.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 60_000;
	while (!output.includes('Listening on')) {
		if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
		if (Date.now() > deadline) {
			// Nobody will stop a server that never started: stop it here.
			child.kill('SIGKILL');
			throw new Error(`server did not start: ${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const listening = Number(/Listening on http:\/\/[^\s]*:(\d+)/.exec(output)?.[1] ?? port);
	return {
		origin: `http://127.0.0.1:${listening}`,
		port: listening,
		process: child,
		log: () => output,
		stop: () =>
			new Promise<void>((done) => {
				if (child.exitCode !== null) return done();
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
}

/** Creates a cohort through the form action; returns its join code and facilitator link. */
export async function createCohortOver(origin: string, fields: Record<string, string>) {
	const response = await fetch(`${origin}/cohorts/new`, {
		method: 'POST',
		headers: {
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': '192.0.2.10'
		},
		body: new URLSearchParams(fields)
	});
	const text = await response.text();
	const facilitatorLink = /https?:[^"\\]*\/f\/[A-Za-z0-9_-]+/.exec(text)?.[0];
	const joinCode = /\/join\/([A-Z0-9]{8})/.exec(text)?.[1];
	if (!response.ok || !facilitatorLink || !joinCode)
		throw new Error(`create: ${response.status} ${text}`);
	return { facilitatorLink, joinCode, token: facilitatorLink.split('/f/')[1]! };
}

/** Visits the facilitator link on `origin`; returns the dashboard path and the session cookie. */
export async function signInOver(origin: string, token: string) {
	const response = await fetch(`${origin}/f/${token}`, { redirect: 'manual' });
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	const location = response.headers.get('location');
	if (response.status !== 303 || !cookie || !location)
		throw new Error(`sign in: ${response.status}`);
	return { cookie, dashboard: location };
}
