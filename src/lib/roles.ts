import { m } from './paraglide/messages.js';
import type { Locale } from './paraglide/runtime.js';

type RoleName = 'network_admin' | 'city_coordinator' | 'city_contributor' | 'stakeholder';

/** The readable name of a role, in the given (or current) language. */
export function roleLabel(role: RoleName, locale?: Locale): string {
	const options = locale ? { locale } : {};
	switch (role) {
		case 'network_admin':
			return m.role_network_admin({}, options);
		case 'city_coordinator':
			return m.role_city_coordinator({}, options);
		case 'city_contributor':
			return m.role_city_contributor({}, options);
		case 'stakeholder':
			return m.role_stakeholder({}, options);
	}
}
