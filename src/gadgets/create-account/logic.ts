// What the account-creation panel decides without a browser: whether a username can be created
// (asked while it is typed), the rows of a batch, and how a batch goes on, pauses and recovers.
// The creation itself is the shared AuthManager flow (src/lib/authmanager.ts).
import { ApiClient } from '../../lib/api';
import { AuthField, AuthValues, fetchAuthForm, submitAuth } from '../../lib/authmanager';
import { ApiFailure } from '../../lib/errors';
import { Clock, LiveCheck, LiveState } from '../../lib/live-check';

export type NameStatus = 'available' | 'taken' | 'invalid' | 'not-allowed';

export interface NameVerdict {
	status: NameStatus;
	/** The name as the wiki writes it (first letter capitalised, underscores as spaces). */
	name: string;
	/** The wiki's reason when it does not allow the name (title blacklist, antispoof…). */
	html: string;
}

interface UserEntry {
	name: string;
	userid?: number;
	missing?: boolean;
	invalid?: boolean;
	cancreate?: boolean;
	cancreateerror?: { code?: string; html?: string; text?: string }[];
}

interface UsersResponse {
	query?: { users?: UserEntry[] };
}

/**
 * How MediaWiki writes a username: spaces for underscores, single spaces, the first letter
 * capitalised. Used only to match the wiki's answers to the names asked.
 *
 * @param name
 */
export function normalName( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

function verdictOf( entry: UserEntry ): NameVerdict {
	if ( entry.invalid ) {
		return { status: 'invalid', name: entry.name, html: '' };
	}
	if ( !entry.missing ) {
		return { status: 'taken', name: entry.name, html: '' };
	}
	if ( entry.cancreate === false ) {
		const reasons = ( entry.cancreateerror || [] ).map( ( error ) => error.html || error.text || error.code || '' );
		return { status: 'not-allowed', name: entry.name, html: reasons.join( ' ' ) };
	}
	return { status: 'available', name: entry.name, html: '' };
}

/** Names asked in one list=users request: the API's limit for everyone. */
export const namesPerRequest = 50;

/**
 * Whether each name can be created, in one request for up to 50 names. The wiki answers in its
 * own order and spelling, so answers are matched by the name as asked, then as the wiki writes it.
 *
 * @param api
 * @param names
 * @param signal aborts the request
 */
export function askNames( api: ApiClient, names: string[], signal?: AbortSignal ): Promise<Record<string, NameVerdict>> {
	return api.get<UsersResponse>( { action: 'query', list: 'users', ususers: names, usprop: 'cancreate' }, { signal } )
		.then( ( response ) => {
			const byName: Record<string, UserEntry> = {};
			for ( const entry of ( response.query && response.query.users ) || [] ) {
				byName[ entry.name ] = entry;
			}
			const verdicts: Record<string, NameVerdict> = {};
			for ( const name of names ) {
				const entry = byName[ name ] || byName[ normalName( name ) ];
				// A name the wiki did not mention at all cannot be created as typed.
				verdicts[ name ] = entry ? verdictOf( entry ) : { status: 'invalid', name, html: '' };
			}
			return verdicts;
		} );
}

/**
 * The live username check of the sign-up form: asked 300 ms after the last keystroke (MediaWiki's
 * own form waits 1000 ms), aborted when stale, never asked twice for the same name.
 *
 * @param api
 * @param report
 * @param clock
 */
export function usernameCheck(
	api: ApiClient, report: ( state: LiveState<NameVerdict> ) => void, clock: Clock
): LiveCheck<string, NameVerdict> {
	return new LiveCheck<string, NameVerdict>( {
		ask: ( name, signal ) => askNames( api, [ name ], signal ).then( ( verdicts ) => verdicts[ name ] ),
		keyOf: ( name ) => name.trim() || null,
		report,
		clock
	} );
}

export type RowStatus =
	| 'unchecked' | 'ready' | 'taken' | 'invalid' | 'not-allowed' | 'duplicate' | 'bad-email'
	| 'creating' | 'created' | 'failed';

export interface BatchRow {
	username: string;
	email: string;
	status: RowStatus;
	/** The wiki's reason for a failed or not allowed row. */
	html?: string;
}

function splitLine( line: string ): string[] {
	// Commas, semicolons or tabs, as spreadsheets export; quotes around a cell are dropped.
	return line.split( /[,;\t]/ ).map( ( cell ) => cell.trim().replace( /^"(.*)"$/, '$1' ).trim() );
}

/**
 * The rows of pasted or uploaded text: `username, email` per line, a header line optional,
 * blank lines skipped.
 *
 * @param text
 */
export function parseRows( text: string ): BatchRow[] {
	const lines = text.split( /\r?\n/ ).map( splitLine ).filter( ( cells ) => cells.some( ( cell ) => cell !== '' ) );
	if ( lines.length && /^(user ?name|user|name|login)$/i.test( lines[ 0 ][ 0 ] ) && /mail/i.test( lines[ 0 ][ 1 ] || '' ) ) {
		lines.shift();
	}
	return lines.map( ( cells ) => ( { username: cells[ 0 ] || '', email: cells[ 1 ] || '', status: 'unchecked' as RowStatus } ) );
}

/**
 * Keeps what is known of rows that are still listed after the text was edited (a row created
 * stays created), and adds the new ones unchecked.
 *
 * @param known
 * @param parsed
 */
export function mergeRows( known: BatchRow[], parsed: BatchRow[] ): BatchRow[] {
	return parsed.map( ( row ) => {
		const same = known.filter( ( old ) => old.username === row.username && old.email === row.email )[ 0 ];
		return same || row;
	} );
}

// Deliberately loose: the wiki has the last word (it refuses an address it cannot use).
const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * Checks every unchecked row: a valid address, listed once, and a name the wiki would create,
 * asking the wiki about 50 names at a time.
 *
 * @param api
 * @param rows
 */
export function checkRows( api: ApiClient, rows: BatchRow[] ): Promise<BatchRow[]> {
	const seen: Record<string, boolean> = {};
	const checked = rows.map( ( row ) => {
		const key = normalName( row.username );
		const duplicate = !!seen[ key ];
		seen[ key ] = true;
		if ( row.status !== 'unchecked' ) {
			return row;
		}
		if ( duplicate ) {
			return { ...row, status: 'duplicate' as RowStatus };
		}
		if ( !emailPattern.test( row.email ) ) {
			return { ...row, status: 'bad-email' as RowStatus };
		}
		return row;
	} );
	const toAsk = checked.filter( ( row ) => row.status === 'unchecked' ).map( ( row ) => row.username );
	const chunks: string[][] = [];
	for ( let i = 0; i < toAsk.length; i += namesPerRequest ) {
		chunks.push( toAsk.slice( i, i + namesPerRequest ) );
	}
	return Promise.all( chunks.map( ( names ) => askNames( api, names ) ) ).then( ( answers ) => {
		const verdicts: Record<string, NameVerdict> = Object.assign( {}, ...answers );
		return checked.map( ( row ) => {
			const verdict = row.status === 'unchecked' ? verdicts[ row.username ] : null;
			if ( !verdict ) {
				return row;
			}
			const status: RowStatus = verdict.status === 'available' ? 'ready' : verdict.status;
			return { ...row, status, html: verdict.html };
		} );
	} );
}

/** The whole batch, as kept in session storage between page loads. */
export interface BatchState {
	rows: BatchRow[];
	reason: string;
}

export interface BatchStore {
	load(): BatchState | null;
	save( state: BatchState ): void;
}

export type BatchStop =
	| { why: 'done' }
	| { why: 'paused' }
	/** The wiki's throttle: wait, then continue. */
	| { why: 'throttled'; html: string }
	/** The wiki wants more before the next account (a captcha): these fields, then provide(). */
	| { why: 'needs-more'; fields: AuthField[]; html: string }
	/** The wiki could not be reached; nothing is lost and nothing will be created twice. */
	| { why: 'network' };

// What the batch fills in itself; any other required field is something the wiki asks for.
const batchFieldNames = [ 'username', 'email', 'mailpassword', 'reason', 'password', 'retype', 'realname' ];

function extraFields( fields: AuthField[] ): AuthField[] {
	return fields.filter( ( field ) => !batchFieldNames.includes( field.name ) );
}

function asksForInput( fields: AuthField[] ): boolean {
	return fields.some( ( field ) => !field.optional && field.type !== 'null' && field.type !== 'hidden' );
}

export interface BatchOptions {
	api: ApiClient;
	store: BatchStore;
	/** The logged-in user creating the accounts, asserted on every request. */
	creator: string;
	/** Required by createaccount, used only by providers that redirect. */
	returnUrl: string;
	/** Called after every change of a row, to redraw. */
	onChange: () => void;
}

/**
 * Creates the ready rows one by one with `mailpassword`. A row is marked `creating` in storage
 * before its request goes out, so that after a reload (or a lost answer) it is looked up, never
 * sent again; failed rows are looked up again before they are retried.
 */
export class BatchRunner {
	public state: BatchState;
	private readonly options: BatchOptions;
	private pauseRequested = false;
	/** Answers to what the wiki asked (a captcha), sent with the next row only. */
	private extra: AuthValues = {};
	/** What the wiki's create form asks beyond the batch's own fields, once known. */
	private asked: AuthField[] | null = null;
	/** The form's other optional text fields (real name…), sent empty. */
	private blanks: AuthValues = {};

	public constructor( options: BatchOptions, state: BatchState ) {
		this.options = options;
		this.state = state;
	}

	private save(): void {
		this.options.store.save( this.state );
		this.options.onChange();
	}

	private setRow( row: BatchRow, changes: Partial<BatchRow> ): void {
		Object.assign( row, changes );
		this.save();
	}

	/** Stops after the row being created. */
	public pause(): void {
		this.pauseRequested = true;
	}

	/**
	 * Answers what the wiki asked for (see the 'needs-more' stop); run() then goes on.
	 *
	 * @param values
	 */
	public provide( values: AuthValues ): void {
		this.extra = values;
	}

	/**
	 * Looks up rows whose outcome is unknown (`creating`: the page was reloaded, or the answer was
	 * lost) and, when `failedToo`, the failed rows: an account that now exists is not created again.
	 *
	 * @param failedToo also put failed rows whose name is still free back in the queue
	 */
	public recheck( failedToo = false ): Promise<void> {
		const unsure = this.state.rows.filter( ( row ) => row.status === 'creating' || ( failedToo && row.status === 'failed' ) );
		if ( !unsure.length ) {
			return Promise.resolve();
		}
		const names = unsure.map( ( row ) => row.username );
		const chunks: Promise<Record<string, NameVerdict>>[] = [];
		for ( let i = 0; i < names.length; i += namesPerRequest ) {
			chunks.push( askNames( this.options.api, names.slice( i, i + namesPerRequest ) ) );
		}
		return Promise.all( chunks ).then( ( answers ) => {
			const verdicts: Record<string, NameVerdict> = Object.assign( {}, ...answers );
			for ( const row of unsure ) {
				const verdict = verdicts[ row.username ];
				if ( row.status === 'creating' ) {
					// Sent before the reload: if the account exists, that request created it.
					row.status = verdict && verdict.status === 'taken' ? 'created' : 'ready';
				} else if ( verdict && verdict.status === 'available' ) {
					row.status = 'ready';
					row.html = '';
				} else if ( verdict ) {
					row.status = verdict.status === 'taken' ? 'taken' : 'failed';
				}
			}
			this.save();
		} );
	}

	/** Creates ready rows until none is left or something stops the batch. */
	public run(): Promise<BatchStop> {
		this.pauseRequested = false;
		return this.recheck().then( () => this.next() );
	}

	private next(): Promise<BatchStop> {
		const row = this.state.rows.filter( ( candidate ) => candidate.status === 'ready' )[ 0 ];
		if ( !row ) {
			return Promise.resolve( { why: 'done' } );
		}
		if ( this.pauseRequested ) {
			return Promise.resolve( { why: 'paused' } );
		}
		if ( this.asked === null || asksForInput( this.asked ) ) {
			// The first row, or the wiki wanted a captcha for the last one: see what it asks now.
			const answered = this.asked !== null && Object.keys( this.extra ).length > 0;
			if ( !answered ) {
				return fetchAuthForm( this.options.api, 'create' ).then( ( form ) => {
					const more = this.learnForm( form.fields );
					if ( asksForInput( more ) ) {
						return { why: 'needs-more', fields: more, html: '' } as BatchStop;
					}
					return this.next();
				}, ( failure: ApiFailure ) => this.stopOn( failure ) );
			}
		}
		return this.create( row );
	}

	/**
	 * Reads the wiki's create form: what it asks beyond the batch's fields, and its other optional
	 * text fields. Those are sent empty because MediaWiki reads a request only when all of its
	 * fields are sent: without `realname`, the address is ignored and `mailpassword` fails with
	 * noemailcreate (seen on 1.39 and 1.43).
	 *
	 * @param fields
	 * @return what the wiki asks beyond the batch's fields
	 */
	private learnForm( fields: AuthField[] ): AuthField[] {
		this.asked = extraFields( fields );
		this.blanks = {};
		for ( const field of fields ) {
			if ( field.type === 'string' && field.optional && !extraFields( [ field ] ).length && field.name !== 'reason' ) {
				this.blanks[ field.name ] = '';
			}
		}
		return this.asked;
	}

	private create( row: BatchRow ): Promise<BatchStop> {
		const values: AuthValues = Object.assign( {}, this.blanks, {
			username: row.username,
			email: row.email,
			mailpassword: true,
			reason: this.state.reason,
			assertuser: this.options.creator
		}, this.extra );
		const answered = Object.keys( this.extra ).length > 0;
		this.extra = {};
		this.setRow( row, { status: 'creating' } );
		return submitAuth( this.options.api, 'create', values, { returnUrl: this.options.returnUrl } ).then( ( step ) => {
			if ( step.kind === 'pass' ) {
				this.setRow( row, { status: 'created', html: '' } );
				if ( this.asked && asksForInput( this.asked ) ) {
					// A captcha answers for one account only.
					this.asked = null;
				}
				return this.next();
			}
			if ( step.kind === 'fail' && step.code === 'acct_creation_throttle_hit' ) {
				this.setRow( row, { status: 'ready' } );
				return { why: 'throttled', html: step.html } as BatchStop;
			}
			const reason = step.kind === 'fail' || step.kind === 'form' ? step.html : '';
			return fetchAuthForm( this.options.api, 'create' ).then( ( form ) => {
				const more = this.learnForm( form.fields );
				// The wiki asks for something (a new captcha) that this row did not answer, or
				// answered wrongly: ask the person, then try this row again.
				if ( asksForInput( more ) && ( !answered || /captcha/i.test( step.kind === 'fail' ? step.code : '' ) ) ) {
					this.setRow( row, { status: 'ready' } );
					return { why: 'needs-more', fields: more, html: reason } as BatchStop;
				}
				this.setRow( row, { status: 'failed', html: reason } );
				return this.next();
			}, ( failure: ApiFailure ) => {
				this.setRow( row, { status: 'failed', html: reason } );
				return this.stopOn( failure );
			} );
		}, ( failure: ApiFailure ) => {
			if ( failure.kind === 'api' ) {
				// The wiki refused the request itself (a block, a missing right): this row fails.
				this.setRow( row, { status: 'failed', html: failure.html || failure.code } );
				return this.next();
			}
			// No answer: the row may or may not exist now. It stays `creating` until looked up.
			return this.stopOn( failure );
		} );
	}

	private stopOn( failure: ApiFailure ): BatchStop {
		return failure.kind === 'api' ? { why: 'throttled', html: failure.html || failure.code } : { why: 'network' };
	}
}

interface CreationLogResponse {
	query?: { logevents?: { user?: string }[] };
}

/**
 * Who created an account, from the wiki's creation log (none when it does not exist): after a
 * lost answer, tells whether the account is the one just asked for.
 *
 * @param api
 * @param username
 */
export function creatorOf( api: ApiClient, username: string ): Promise<string | null> {
	return api.get<CreationLogResponse>( {
		action: 'query', list: 'logevents', letype: 'newusers', letitle: `User:${ username }`, leprop: 'user', lelimit: 1
	} ).then( ( response ) => {
		const entry = ( ( response.query && response.query.logevents ) || [] )[ 0 ];
		return entry ? entry.user || '' : null;
	} );
}
