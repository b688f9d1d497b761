// Live password validation, shared by every panel that takes a new password (check, change,
// login's new-password step, account creation). The scheduling, caching and stale-response rules
// are the shared LiveCheck's; unit-tested without a browser with an injected api and clock.
//
// Compared with MediaWiki's own signup checker (1000 ms after the last keystroke, and the same
// value sent again on focus and blur), this waits 300 ms, aborts a request whose value changed,
// and remembers every verdict for the life of the panel, so going back to an earlier value costs
// no request.
import { ApiClient, ApiParams } from './api';
import { Clock, LiveCheck, LiveState, checkDelay } from './live-check';

export type { Clock };

export type Validity = 'Good' | 'Change' | 'Invalid';

export interface Verdict {
	validity: Validity;
	/** The wiki's own policy messages, as HTML in the user's language. */
	messages: string[];
}

export type CheckState = LiveState<Verdict>;

/** What the wiki's policies may compare the password with ("must not match the username"). */
export interface PasswordContext {
	user?: string;
	email?: string;
	realname?: string;
}

interface ValidityMessage {
	code: string;
	html?: string;
	text?: string;
}

interface ValidateResponse {
	validatepassword?: { validity?: Validity; validitymessages?: ValidityMessage[] };
}

/**
 * The request for one value: always a POST body, never a URL, so the password stays out of
 * server logs and browser history.
 *
 * @param password
 * @param context
 */
export function validationRequest( password: string, context: PasswordContext ): ApiParams {
	const params: ApiParams = { action: 'validatepassword', password };
	for ( const key of [ 'user', 'email', 'realname' ] as const ) {
		if ( context[ key ] ) {
			params[ key ] = context[ key ];
		}
	}
	return params;
}

function readVerdict( response: ValidateResponse ): Verdict {
	const answer = response.validatepassword || {};
	return {
		validity: answer.validity || 'Invalid',
		messages: ( answer.validitymessages || [] ).map( ( message ) => message.html || message.text || message.code )
	};
}

export class PasswordValidator {
	private readonly check: LiveCheck<{ password: string; context: PasswordContext }, Verdict>;

	/**
	 * @param api
	 * @param report receives every change of state, for the field to show
	 * @param clock setTimeout/clearTimeout (the window's, or a test's)
	 * @param delay quiet time before asking
	 */
	public constructor( api: ApiClient, report: ( state: CheckState ) => void, clock: Clock, delay = checkDelay ) {
		this.check = new LiveCheck( {
			ask: ( { password, context }, signal ) => {
				const params = validationRequest( password, context );
				return api.post<ValidateResponse>( params, { signal } ).then( readVerdict );
			},
			keyOf: ( { password, context } ) => ( password ?
				JSON.stringify( [ password, context.user || '', context.email || '', context.realname || '' ] ) :
				null ),
			report,
			clock,
			delay
		} );
	}

	/**
	 * Call on every change of the password or of what it is compared with.
	 *
	 * @param password
	 * @param context
	 */
	public update( password: string, context: PasswordContext = {} ): void {
		this.check.update( { password, context } );
	}

	/** Stops everything and forgets every password seen: call when the panel closes. */
	public dispose(): void {
		this.check.dispose();
	}
}

/** The retype field is compared here, with no request. */
export function retypeMatches( password: string, retype: string ): boolean {
	return password === retype;
}
