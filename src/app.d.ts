import type { Actor } from '#lib/server/access/index.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
		}
		interface Error {
			message: string;
			/** Why a respondent's link answers 410 (respondent-links.ts), for the error page. */
			reason?: 'link-revoked' | 'link-replaced';
		}
	}
}

export {};
