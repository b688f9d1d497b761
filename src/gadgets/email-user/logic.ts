// What the email panel decides without a browser: whether a message can go, what to send, how to
// read the answer, and how the draft is kept. Everything takes an injected ApiClient.
import { ApiClient, ApiParams } from '../../lib/api';
import { failureFromErrors } from '../../lib/errors';

/** Why a message cannot be sent, checked before the form is shown. */
export type Obstacle =
	| 'anon'
	/** A temporary account (1.43+): it has no address and cannot send email. */
	| 'temporary'
	| 'no-address'
	| 'unconfirmed'
	| 'no-right'
	| 'blocked'
	| 'target-missing'
	| 'target-unemailable';

export interface SenderInfo {
	obstacle: Obstacle | null;
	/** The wiki's default subject (MediaWiki:Defemailsubject) for this sender. */
	defaultSubject: string;
	/**
	 * Who blocked the sender from email, and why: `reason` as the admin wrote it (wikitext), and
	 * `reasonHtml` as the wiki renders it, or null when it could not be asked.
	 */
	block: { by: string; reason: string; reasonHtml: string | null } | null;
}

/** What check() answers: the sender's side, with the recipient's obstacle folded in. */
export type Readiness = SenderInfo;

interface UserInfo {
	id: number;
	name: string;
	anon?: boolean;
	email?: string;
	emailauthenticated?: string;
	rights?: string[];
}

interface ListedUser {
	name: string;
	missing?: boolean;
	invalid?: boolean;
	emailable?: boolean;
}

interface ListedBlock {
	by?: string;
	reason?: string;
	noemail?: boolean;
}

interface QueryResponse {
	query?: {
		userinfo?: UserInfo;
		users?: ListedUser[];
		blocks?: ListedBlock[];
		allmessages?: { name: string; content?: string; missing?: boolean }[];
	};
}

interface EmailUserResponse {
	emailuser?: { result?: string; errors?: unknown };
}

/** Users per list=users request: 50, or 500 with apihighlimits. */
export function batchSize( rights: string[] | undefined ): number {
	return rights && rights.includes( 'apihighlimits' ) ? 500 : 50;
}

/**
 * Checks, with as few requests as the page allows, whether the viewer can email users and which
 * users can receive email. The sender's side is asked once per page view; each target once.
 */
export class EmailChecker {
	private readonly api: ApiClient;
	private readonly sender: string | null;
	private readonly temporary: boolean;
	private readonly contentLanguage: string;
	private senderInfo: Promise<SenderInfo & { rights: string[] }> | null = null;
	private readonly emailable = new Map<string, Promise<ListedUser>>();

	/**
	 * @param api
	 * @param sender the viewer's user name, or null when logged out
	 * @param contentLanguage the wiki's content language, in which the default subject is written
	 * @param temporary whether the viewer's account is a temporary one (mw.user.isTemp())
	 */
	public constructor( api: ApiClient, sender: string | null, contentLanguage: string, temporary = false ) {
		this.api = api;
		this.sender = sender;
		this.temporary = temporary;
		this.contentLanguage = contentLanguage;
	}

	/** Remembers what the page itself shows: a user whose #t-emailuser link is on the page can receive email. */
	public knowEmailable( name: string ): void {
		this.emailable.set( name, Promise.resolve( { name, emailable: true } ) );
	}

	private senderParams(): ApiParams {
		return {
			action: 'query',
			meta: 'userinfo|allmessages',
			uiprop: 'email|rights',
			ammessages: 'defemailsubject',
			amenableparser: true,
			amargs: this.sender || '',
			amlang: this.contentLanguage,
			list: 'blocks',
			bkusers: this.sender || '',
			bkprop: 'by|reason|flags'
		};
	}

	private readSender( response: QueryResponse ): SenderInfo & { rights: string[] } {
		const query = response.query || {};
		const user = query.userinfo;
		const message = ( query.allmessages || [] )[ 0 ];
		const block = ( query.blocks || [] ).filter( ( entry ) => entry.noemail )[ 0 ];
		const rights = ( user && user.rights ) || [];
		let obstacle: Obstacle | null = null;
		if ( !user || user.anon || !user.id ) {
			obstacle = 'anon';
		} else if ( !user.email ) {
			obstacle = 'no-address';
		} else if ( !user.emailauthenticated ) {
			obstacle = 'unconfirmed';
		} else if ( !rights.includes( 'sendemail' ) ) {
			obstacle = 'no-right';
		} else if ( block ) {
			obstacle = 'blocked';
		}
		return {
			obstacle,
			rights,
			defaultSubject: message && !message.missing && message.content ? message.content : '',
			block: block ? { by: block.by || '', reason: block.reason || '', reasonHtml: null } : null
		};
	}

	/**
	 * Whether the viewer can email `target`, in one request at most (none when both sides are
	 * already known; one more for a sender blocked from email, to show the block's reason).
	 *
	 * @param target user name
	 */
	public check( target: string ): Promise<Readiness> {
		if ( !this.sender || this.temporary ) {
			// Known without asking: nobody without a registered account can send email.
			return Promise.resolve( { obstacle: this.sender ? 'temporary' : 'anon', defaultSubject: '', block: null } );
		}
		// The target first: while the sender is unknown, lookUp asks about both in one request.
		const recipient = this.lookUp( [ target ] ).then( ( users ) => users[ 0 ] );
		return Promise.all( [ this.getSenderInfo(), recipient ] )
			.then( ( [ sender, user ] ) => {
				let obstacle = sender.obstacle;
				if ( !obstacle && ( user.missing || user.invalid ) ) {
					obstacle = 'target-missing';
				} else if ( !obstacle && !user.emailable ) {
					obstacle = 'target-unemailable';
				}
				return { obstacle, defaultSubject: sender.defaultSubject, block: sender.block };
			} ).then( ( readiness ) => {
				const block = readiness.block;
				if ( readiness.obstacle !== 'blocked' || !block ) {
					return readiness;
				}
				return this.renderReason( block.reason ).then( ( reasonHtml ) => {
					const rendered = Object.assign( {}, block, { reasonHtml } );
					return Object.assign( {}, readiness, { block: rendered } );
				} );
			} );
	}

	/**
	 * A block reason as the wiki shows it (its links made, everything else escaped), the way
	 * Special:EmailUser formats it: as a comment. One more request, only for a blocked sender;
	 * 1.39's list=blocks has no rendered reason (bkprop=parsedreason is newer).
	 *
	 * @param reason wikitext
	 */
	private renderReason( reason: string ): Promise<string | null> {
		if ( !reason ) {
			return Promise.resolve( '' );
		}
		return this.api.get<{ parse?: { parsedsummary?: string } }>( { action: 'parse', summary: reason, prop: '' } )
			.then( ( response ) => ( response.parse && response.parse.parsedsummary ) || null, () => null );
	}

	private getSenderInfo(): Promise<SenderInfo & { rights: string[] }> {
		return this.senderInfo || this.rememberSender( this.api.get<QueryResponse>( this.senderParams() ) );
	}

	private readUser( response: QueryResponse, name: string ): ListedUser {
		const users = ( response.query && response.query.users ) || [];
		return users.filter( ( user ) => user.name === name )[ 0 ] || users[ 0 ] || { name, missing: true };
	}

	/**
	 * Whether each user can receive email, asking only for names not asked before, in batches of
	 * 50 (500 with apihighlimits).
	 *
	 * @param names user names
	 */
	public lookUp( names: string[] ): Promise<ListedUser[]> {
		const unknown = names.filter( ( name, index ) => !this.emailable.has( name ) && names.indexOf( name ) === index );
		if ( unknown.length ) {
			// While the sender is not known yet, the first batch rides along with that request.
			const first = this.senderInfo ? [] : unknown.slice( 0, batchSize( [] ) );
			const firstBatch = first.length ? this.askWithSender( first ) : Promise.resolve( [] );
			const rest = unknown.slice( first.length );
			const size = rest.length ?
				this.getSenderInfo().then( ( sender ) => batchSize( sender.rights ) ) :
				Promise.resolve( 1 );
			const batches = size.then( ( perRequest ) => {
				const requests: Promise<ListedUser[]>[] = [];
				for ( let start = 0; start < rest.length; start += perRequest ) {
					requests.push( this.askAbout( rest.slice( start, start + perRequest ) ) );
				}
				return requests;
			} );
			// Each name is reserved at once, so a look-up made while this one runs asks nothing again.
			unknown.forEach( ( name, index ) => {
				const user = index < first.length ?
					firstBatch.then( ( users ) => users[ index ] ) :
					Promise.all( [ size, batches ] ).then( ( [ perRequest, requests ] ) => {
						const position = index - first.length;
						const request = requests[ Math.floor( position / perRequest ) ];
						return request.then( ( users ) => users[ position % perRequest ] );
					} );
				user.catch( () => this.emailable.delete( name ) );
				this.emailable.set( name, user );
			} );
		}
		return Promise.all( names.map( ( name ) => this.emailable.get( name ) as Promise<ListedUser> ) );
	}

	/** Whether the sender can email at all, asked once per page view. */
	public senderObstacle(): Promise<Obstacle | null> {
		if ( !this.sender || this.temporary ) {
			return Promise.resolve( this.sender ? 'temporary' : 'anon' );
		}
		return this.getSenderInfo().then( ( sender ) => sender.obstacle );
	}

	/** Keeps the sender's answer for the page view; a failed request is forgotten, so a later look asks again. */
	private rememberSender( request: Promise<QueryResponse> ): Promise<SenderInfo & { rights: string[] }> {
		const senderInfo = request.then( ( response ) => this.readSender( response ) );
		this.senderInfo = senderInfo;
		senderInfo.catch( () => {
			if ( this.senderInfo === senderInfo ) {
				this.senderInfo = null;
			}
		} );
		return senderInfo;
	}

	private askAbout( batch: string[] ): Promise<ListedUser[]> {
		return this.api.get<QueryResponse>( { action: 'query', list: 'users', ususers: batch, usprop: 'emailable' } )
			.then( ( response ) => batch.map( ( name ) => this.readUser( response, name ) ) );
	}

	private askWithSender( batch: string[] ): Promise<ListedUser[]> {
		const combined = this.api.get<QueryResponse>( Object.assign( this.senderParams(), {
			list: 'blocks|users', ususers: batch, usprop: 'emailable'
		} ) );
		this.rememberSender( combined );
		return combined.then( ( response ) => batch.map( ( name ) => this.readUser( response, name ) ) );
	}
}

export interface Draft {
	subject: string;
	text: string;
	ccme: boolean;
}

/**
 * The one request that sends the email, with assertuser so that a session switched in another
 * tab cannot send as someone else.
 *
 * @param sender the viewer's user name
 * @param target
 * @param draft
 */
export function emailRequest( sender: string, target: string, draft: Draft ): ApiParams {
	const params: ApiParams = {
		action: 'emailuser',
		target,
		subject: draft.subject,
		text: draft.text,
		assertuser: sender
	};
	if ( draft.ccme ) {
		params.ccme = true;
	}
	return params;
}

/**
 * Sends the email. A `Failure` result inside a successful response is an error, not a success.
 *
 * @param api
 * @param sender
 * @param target
 * @param draft
 */
export function sendEmail( api: ApiClient, sender: string, target: string, draft: Draft ): Promise<void> {
	return api.postWithToken<EmailUserResponse>( 'csrf', emailRequest( sender, target, draft ) ).then( ( response ) => {
		const result = response.emailuser || {};
		if ( result.result !== 'Success' ) {
			throw failureFromErrors( result.errors, 'emailuser-failure' );
		}
	} );
}

/** Storage as mw.storage.session offers it. */
export interface SessionStore {
	get( key: string ): string | null | false;
	set( key: string, value: string ): boolean;
	remove( key: string ): boolean;
}

/**
 * Keeps an unsent draft in session storage, per wiki and recipient, so that a reload loses nothing.
 */
export class DraftStore {
	private readonly storage: SessionStore;
	private readonly key: string;

	public constructor( storage: SessionStore, wikiId: string, target: string ) {
		this.storage = storage;
		this.key = `account-gadgets-email-draft:${ wikiId }:${ target }`;
	}

	public load(): Draft | null {
		const stored = this.storage.get( this.key );
		if ( !stored ) {
			return null;
		}
		try {
			const draft = JSON.parse( stored ) as Partial<Draft>;
			return { subject: String( draft.subject || '' ), text: String( draft.text || '' ), ccme: !!draft.ccme };
		} catch {
			return null;
		}
	}

	public save( draft: Draft ): void {
		if ( draft.text || draft.subject ) {
			this.storage.set( this.key, JSON.stringify( draft ) );
		} else {
			this.clear();
		}
	}

	public clear(): void {
		this.storage.remove( this.key );
	}
}
