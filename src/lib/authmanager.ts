// AuthManager's API (clientlogin, createaccount) without a browser: which form to show, what to
// send, and what an answer means for the panel. Answers are data and the flow is a function of
// them, so login and account creation share it, and the unit tests feed it recorded answers.
import { ApiClient, ApiParams } from './api';
import { ApiFailure, unknownAnswer } from './errors';

/** The two AuthManager actions a panel drives, with their API names. */
export type AuthAction = 'login' | 'create';

const modules: Record<AuthAction, { action: string; tokenType: string; tokenParam: string; prefix: string }> = {
	login: { action: 'clientlogin', tokenType: 'login', tokenParam: 'logintoken', prefix: 'login' },
	create: { action: 'createaccount', tokenType: 'createaccount', tokenParam: 'createtoken', prefix: 'create' }
};

/** One field as ApiAuthManagerHelper describes it (with messageformat=html). */
export interface AuthFieldInfo {
	type?: string;
	label?: string;
	help?: string;
	value?: string;
	options?: Record<string, string>;
	optional?: boolean;
	sensitive?: boolean;
}

/**
 * The field types the panels draw (auth-fields.ts has one case for each). `choice` is not
 * AuthManager's: it is what a choice of two-factor method becomes (see methodChoice). A step
 * with any other type is handed over to the wiki's own page.
 */
export const drawnFieldTypes = [ 'string', 'password', 'checkbox', 'select', 'multiselect', 'hidden', 'button', 'null', 'choice' ];

/** One request of an answer (AuthenticationRequest::getMetadata() and where it comes from). */
export interface AuthRequestInfo {
	id?: string;
	metadata?: {
		/** ConfirmEdit: which captcha, and how it is shown; a script (hCaptcha, Turnstile) needs the wiki's page. */
		type?: string;
		mime?: string;
		/** OATHAuth 1.44+: the two-factor methods the person can switch between. */
		currentModule?: string;
		allowedModules?: string[];
		moduleDescriptions?: Record<string, string>;
	};
}

/** A field to render: its name and description, label and help being HTML the wiki made. */
export interface AuthField {
	name: string;
	type: string;
	label: string;
	help: string;
	value: string;
	options: Record<string, string>;
	optional: boolean;
	sensitive: boolean;
}

/** What an AuthManager answer asks the panel to do next. */
export type AuthStep =
	/** Done: logged in, or the account exists. */
	| { kind: 'pass'; username: string }
	/** Refused; `html` is the wiki's reason. The flow starts again from the first form. */
	| { kind: 'fail'; code: string; html: string }
	/** More to fill in (UI, or RESTART): these fields, continued with `<prefix>continue`. */
	| { kind: 'form'; code: string; html: string; fields: AuthField[] }
	/** A step the panel cannot show (a field or a script it does not know): the wiki's page can. */
	| { kind: 'elsewhere'; code: string }
	/** A provider elsewhere takes over: go there; it brings the browser back to the return URL. */
	| { kind: 'redirect'; target: string };

interface AuthAnswer {
	status?: string;
	username?: string;
	message?: string;
	messagecode?: string;
	redirecttarget?: string;
	fields?: Record<string, AuthFieldInfo>;
	requests?: AuthRequestInfo[];
}

// ConfirmEdit's question comes first in AuthManager's order; on MediaWiki's own pages its hook
// moves it after the other fields, and so do the panels: the first field is the name.
const lastFields = [ 'captchaId', 'captchaInfo', 'captchaWord' ];

/**
 * The merged field descriptions (amimergerequestfields / <prefix>mergerequestfields) as a list,
 * in the wiki's order.
 *
 * @param fields
 */
export function fieldList( fields: Record<string, AuthFieldInfo> | undefined ): AuthField[] {
	const names = Object.keys( fields || {} );
	const ordered = names.filter( ( name ) => !lastFields.includes( name ) )
		.concat( names.filter( ( name ) => lastFields.includes( name ) ) );
	return ordered.map( ( name ) => {
		const info = ( fields as Record<string, AuthFieldInfo> )[ name ];
		return {
			name,
			type: info.type || 'string',
			label: info.label || '',
			help: info.help || '',
			value: info.value === undefined ? '' : String( info.value ),
			options: info.options || {},
			optional: !!info.optional,
			sensitive: !!info.sensitive
		};
	} );
}

/**
 * A choice of two-factor method (OATHAuth 1.44+ sends a `select` whose first option is
 * "(do not switch)", labelled after the current method, with help written for API clients)
 * drawn as Special:UserLogin draws it: one button per other method, named by the wiki's
 * descriptions of them. Any other field is as it was.
 *
 * @param field
 * @param requests the answer's requests, whose metadata says which methods there are
 */
export function methodChoice( field: AuthField, requests: AuthRequestInfo[] ): AuthField {
	const switching = field.type === 'select' && requests.map( ( request ) => request.metadata || {} ).find( ( metadata ) => {
		const allowed = metadata.allowedModules || [];
		const offered = Object.keys( field.options ).filter( ( option ) => option !== '' );
		return !!metadata.moduleDescriptions && offered.length > 0 &&
			offered.every( ( option ) => allowed.includes( option ) );
	} );
	if ( !switching ) {
		return field;
	}
	const descriptions = switching.moduleDescriptions as Record<string, string>;
	const options: Record<string, string> = {};
	( switching.allowedModules as string[] ).forEach( ( module ) => {
		if ( module !== switching.currentModule && field.options[ module ] !== undefined ) {
			options[ module ] = descriptions[ module ] || field.options[ module ];
		}
	} );
	return Object.assign( {}, field, { type: 'choice', label: '', help: '', value: '', options } );
}

/**
 * Whether a step needs the wiki's own page: a field type no panel draws, a captcha that is a
 * script from elsewhere (hCaptcha, Turnstile), or a security key or passkey (WebAuthn, which
 * needs the wiki's own script and the browser's credentials API on the wiki's page).
 *
 * @param fields
 * @param requests
 */
export function needsWikiPage( fields: AuthField[], requests: AuthRequestInfo[] ): boolean {
	return fields.some( ( field ) => !drawnFieldTypes.includes( field.type ) ) ||
		requests.some( ( request ) => ( request.metadata && request.metadata.mime === 'application/javascript' ) ||
			/WebAuthn|Passkey/i.test( request.id || '' ) );
}

/**
 * What one clientlogin or createaccount answer means.
 *
 * @param answer the `clientlogin` or `createaccount` object of the response
 */
export function readAuthAnswer( answer: AuthAnswer | undefined ): AuthStep {
	const status = answer && answer.status;
	const code = ( answer && answer.messagecode ) || '';
	const html = ( answer && answer.message ) || '';
	if ( status === 'PASS' ) {
		return { kind: 'pass', username: ( answer as AuthAnswer ).username || '' };
	}
	if ( status === 'UI' || status === 'RESTART' ) {
		// RESTART (a remote account with no local one) asks for more, like UI.
		const requests = ( answer as AuthAnswer ).requests || [];
		const fields = fieldList( ( answer as AuthAnswer ).fields ).map( ( field ) => methodChoice( field, requests ) );
		return needsWikiPage( fields, requests ) ? { kind: 'elsewhere', code } : { kind: 'form', code, html, fields };
	}
	if ( status === 'REDIRECT' && answer && answer.redirecttarget ) {
		return { kind: 'redirect', target: answer.redirecttarget };
	}
	return { kind: 'fail', code: code || 'unknown-answer', html };
}

/** The first form of a flow, and the token that goes with it. */
export interface AuthForm {
	token: string;
	fields: AuthField[];
	/** Whether the wiki lets this session create accounts (only asked for 'create'). */
	canCreate: boolean;
	/** Whether the form needs the wiki's own page (see needsWikiPage). */
	elsewhere: boolean;
}

interface AuthFormResponse {
	query?: {
		authmanagerinfo?: { fields?: Record<string, AuthFieldInfo>; requests?: AuthRequestInfo[]; cancreateaccounts?: boolean };
		tokens?: Record<string, string>;
	};
}

/**
 * The fields of a flow's first step and its token, in one request.
 *
 * @param api
 * @param which
 */
export function fetchAuthForm( api: ApiClient, which: AuthAction ): Promise<AuthForm> {
	const module = modules[ which ];
	return api.get<AuthFormResponse>( {
		action: 'query',
		meta: [ 'authmanagerinfo', 'tokens' ],
		type: module.tokenType,
		amirequestsfor: which,
		amimergerequestfields: true,
		amimessageformat: 'html'
	} ).then( ( response ) => {
		const query = response.query || {};
		const info = query.authmanagerinfo || {};
		const token = query.tokens && query.tokens[ module.tokenType + 'token' ];
		if ( !token || !info.fields ) {
			throw unknownAnswer();
		}
		const fields = fieldList( info.fields );
		return { token, fields, canCreate: !!info.cancreateaccounts, elsewhere: needsWikiPage( fields, info.requests || [] ) };
	} );
}

export type AuthValues = Record<string, string | boolean>;

export interface AuthSubmission {
	/** The token of fetchAuthForm; without it (or when it went stale) a fresh one is fetched. */
	token?: string;
	/** The page to come back to after a redirecting provider; omitted when continuing. */
	returnUrl?: string;
	/** Answering a UI step (or coming back from a redirect) rather than starting. */
	continuing?: boolean;
}

/**
 * Posts one step of a flow: the values of the fields shown, by field name.
 *
 * @param api
 * @param which
 * @param values checkboxes as booleans (false is not sent, as MediaWiki reads presence as true)
 * @param submission
 */
export function submitAuth(
	api: ApiClient, which: AuthAction, values: AuthValues, submission: AuthSubmission
): Promise<AuthStep> {
	const module = modules[ which ];
	const params: ApiParams = Object.assign( {
		action: module.action,
		[ module.prefix + 'messageformat' ]: 'html',
		[ module.prefix + 'mergerequestfields' ]: true
	}, values );
	if ( submission.continuing ) {
		params[ module.prefix + 'continue' ] = true;
	} else {
		params[ module.prefix + 'returnurl' ] = submission.returnUrl;
	}
	type Response = Record<string, AuthAnswer>;
	const read = ( response: Response ): AuthStep => readAuthAnswer( response[ module.action ] );
	const { tokenType, tokenParam } = module;
	// Each step may log the page in (see session-fence): every login that passes, a
	// re-authentication too, gives the session a new id, and so does a reader's sign-up.
	const alone = { alone: true };
	function fresh(): Promise<AuthStep> {
		return api.postWithPrefixedToken<Response>( tokenType, tokenParam, params, alone ).then( read );
	}
	if ( !submission.token ) {
		return fresh();
	}
	const withToken = Object.assign( {}, params, { [ tokenParam ]: submission.token } );
	return api.post<Response>( withToken, alone ).then( read, ( failure: ApiFailure ) => {
		if ( failure.kind === 'api' && failure.code === 'badtoken' ) {
			// The form was fetched in another session (a login in another tab): ask again.
			return fresh();
		}
		throw failure;
	} );
}

/**
 * Values worth keeping when a form is drawn again (after a failure, or for the next step), so
 * that nothing a person typed is lost. Never passwords or other sensitive fields, never hidden
 * ones (the new form brings its own), and never the answer to a question that changed: a field
 * right after an info field (a captcha's question) whose text is now different.
 *
 * @param before the fields the values were typed into
 * @param after the fields about to be shown
 * @param values
 * @param keepPasswords after a warning (see isWarning), passwords stay too: sending the same
 *  again is what the person is asked to decide on
 */
export function keptValues( before: AuthField[], after: AuthField[], values: AuthValues, keepPasswords = false ): AuthValues {
	const kept: AuthValues = {};
	const question = ( fields: AuthField[], index: number ): string | null => {
		const previous = fields[ index - 1 ];
		return previous && previous.type === 'null' ? previous.value : null;
	};
	after.forEach( ( field, index ) => {
		const old = before.map( ( known ) => known.name ).indexOf( field.name );
		const secret = field.sensitive || field.type === 'password';
		if ( old === -1 || ( secret && !keepPasswords ) || field.type === 'hidden' ||
			values[ field.name ] === undefined || question( before, old ) !== question( after, index ) ) {
			return;
		}
		kept[ field.name ] = values[ field.name ];
	} );
	return kept;
}

/**
 * Whether a FAIL is a warning that the same submission, sent again, gets through: AbuseFilter's
 * "warn" action refuses the first attempt with its warning (`abusefilter-warning…` messages) and
 * lets the identical second one pass.
 *
 * @param code the FAIL's messagecode
 */
export function isWarning( code: string ): boolean {
	return /^abusefilter-warning/.test( code );
}

/**
 * Session storage key: a flow went to a redirecting provider; its value is the gadget whose
 * panel resumes when the browser is back (the logged-out stub looks for it).
 */
export const resumeKey = 'account-gadgets-auth-resume';

/** Session storage key beside resumeKey: the return URL the flow gave the wiki for the provider. */
export const returnUrlKey = 'account-gadgets-auth-return';

/**
 * What a redirecting provider sent back, when this address is its way back: the values it added
 * to the return URL (they continue the flow; MediaWiki's own login page posts them the same way).
 * The return URL's own query (the page's title, `action=edit`…) is not among them. Null when this
 * address is not the return URL with values added: the browser came here another way (the person
 * left the provider), and there is nothing to resume.
 *
 * @param here the address of this page
 * @param returnUrl the return URL the flow gave the wiki
 */
export function resumeValues( here: string, returnUrl: string ): AuthValues | null {
	const back = new URL( here );
	const sent = new URL( returnUrl );
	let same = back.origin + back.pathname === sent.origin + sent.pathname;
	sent.searchParams.forEach( ( value, name ) => {
		same = same && back.searchParams.get( name ) === value;
	} );
	const values: AuthValues = {};
	back.searchParams.forEach( ( value, name ) => {
		if ( !sent.searchParams.has( name ) ) {
			values[ name ] = value;
		}
	} );
	return same && Object.keys( values ).length ? values : null;
}
