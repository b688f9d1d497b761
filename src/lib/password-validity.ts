// Live password validation, shared by every panel that takes a new password (check, change, and
// later account creation). Pure logic: it takes an injected api and clock, so the scheduling,
// caching and stale-response rules are unit-tested without a browser.
//
// Compared with MediaWiki's own signup checker (1000 ms after the last keystroke, and the same
// value sent again on focus and blur), this waits 300 ms, aborts a request whose value changed,
// and remembers every verdict for the life of the panel, so going back to an earlier value costs
// no request.
import { ApiClient, ApiParams } from './api';
import { ApiFailure } from './errors';

export type Validity = 'Good' | 'Change' | 'Invalid';

export interface Verdict {
	validity: Validity;
	/** The wiki's own policy messages, as HTML in the user's language. */
	messages: string[];
}

export type CheckState =
	| { state: 'empty' }
	| { state: 'checking' }
	| { state: 'done'; verdict: Verdict }
	/** The wiki could not check it (unreachable, or an API error, whose message is given); the form stays usable. */
	| { state: 'failed'; html: string };

/** What the wiki's policies may compare the password with ("must not match the username"). */
export interface PasswordContext {
	user?: string;
	email?: string;
	realname?: string;
}

export interface Clock {
	setTimeout( callback: () => void, ms: number ): unknown;
	clearTimeout( handle: unknown ): void;
}

interface ValidityMessage {
	code: string;
	html?: string;
	text?: string;
}

interface ValidateResponse {
	validatepassword?: { validity?: Validity; validitymessages?: ValidityMessage[] };
}

/** The quiet time after the last change before the wiki is asked. */
export const checkDelay = 300;

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

export class PasswordValidator {
	private readonly api: ApiClient;
	private readonly report: ( state: CheckState ) => void;
	private readonly clock: Clock;
	private readonly delay: number;
	private readonly verdicts = new Map<string, Verdict>();
	private currentKey = '';
	private timer: unknown = null;
	private inFlight: AbortController | null = null;

	/**
	 * @param api
	 * @param report receives every change of state, for the field to show
	 * @param clock setTimeout/clearTimeout (the window's, or a test's)
	 * @param delay quiet time before asking
	 */
	public constructor( api: ApiClient, report: ( state: CheckState ) => void, clock: Clock, delay = checkDelay ) {
		this.api = api;
		this.report = report;
		this.clock = clock;
		this.delay = delay;
	}

	/**
	 * Call on every change of the password or of what it is compared with.
	 *
	 * @param password
	 * @param context
	 */
	public update( password: string, context: PasswordContext = {} ): void {
		const key = JSON.stringify( [ password, context.user || '', context.email || '', context.realname || '' ] );
		if ( key === this.currentKey ) {
			return;
		}
		this.currentKey = key;
		this.cancel();
		if ( !password ) {
			this.report( { state: 'empty' } );
			return;
		}
		const known = this.verdicts.get( key );
		if ( known ) {
			this.report( { state: 'done', verdict: known } );
			return;
		}
		this.report( { state: 'checking' } );
		this.timer = this.clock.setTimeout( () => this.ask( key, password, context ), this.delay );
	}

	private ask( key: string, password: string, context: PasswordContext ): void {
		this.timer = null;
		const controller = new AbortController();
		this.inFlight = controller;
		const request = this.api.post<ValidateResponse>( validationRequest( password, context ), { signal: controller.signal } );
		request.then( ( response ) => {
			const answer = response.validatepassword || {};
			const verdict: Verdict = {
				validity: answer.validity || 'Invalid',
				messages: ( answer.validitymessages || [] ).map( ( message ) => message.html || message.text || message.code )
			};
			this.verdicts.set( key, verdict );
			// A late answer never overwrites the verdict for a newer value.
			if ( key === this.currentKey ) {
				this.inFlight = null;
				this.report( { state: 'done', verdict } );
			}
		}, ( failure: ApiFailure ) => {
			if ( failure.kind !== 'aborted' && key === this.currentKey ) {
				this.inFlight = null;
				this.report( { state: 'failed', html: failure.kind === 'api' ? failure.html : '' } );
			}
		} );
	}

	private cancel(): void {
		if ( this.timer !== null ) {
			this.clock.clearTimeout( this.timer );
			this.timer = null;
		}
		if ( this.inFlight ) {
			this.inFlight.abort();
			this.inFlight = null;
		}
	}

	/** Stops everything and forgets every password seen: call when the panel closes. */
	public dispose(): void {
		this.cancel();
		this.verdicts.clear();
		this.currentKey = '';
	}
}

/** The retype field is compared here, with no request. */
export function retypeMatches( password: string, retype: string ): boolean {
	return password === retype;
}
