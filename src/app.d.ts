import type { Actor } from '#lib/server/access/index.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
