import { ApiClient, ApiParams } from '../../src/lib/api';
import { EmailChecker, DraftStore, emailRequest, sendEmail, batchSize, SessionStore } from '../../src/gadgets/email-user/logic';

interface Recorded {
	api: ApiClient;
	gets: ApiParams[];
	posts: Array<{ tokenType: string; params: ApiParams }>;
}

/** An ApiClient that records every request and answers from the given function. */
function recordingApi( answer: ( params: ApiParams ) => unknown ): Recorded {
	const gets: ApiParams[] = [];
	const posts: Array<{ tokenType: string; params: ApiParams }> = [];
	const api: ApiClient = {
		get: <T>( params: ApiParams ) => {
			gets.push( params );
			return Promise.resolve( answer( params ) as T );
		},
		post: <T>( params: ApiParams ) => Promise.resolve( answer( params ) as T ),
		postWithToken: <T>( tokenType: string, params: ApiParams ) => {
			posts.push( { tokenType, params } );
			return Promise.resolve( answer( params ) as T );
		},
		postWithPrefixedToken: () => Promise.reject( new Error( 'not used' ) )
	};
	return { api, gets, posts };
}

interface WikiState {
	sender?: { email?: string; emailauthenticated?: string; rights?: string[]; anon?: boolean };
	blocks?: Array<{ by: string; reason: string; noemail?: boolean }>;
	emailable?: Record<string, boolean>;
}

/** Answers queries the way MediaWiki does, from a small description of the wiki. */
function wiki( state: WikiState ) {
	return ( params: ApiParams ) => {
		const query: Record<string, unknown> = {};
		const meta = String( params.meta || '' );
		const lists = String( params.list || '' ).split( '|' );
		if ( meta.includes( 'userinfo' ) ) {
			const sender = state.sender || {};
			query.userinfo = sender.anon ? { id: 0, name: '127.0.0.1', anon: true } : {
				id: 7, name: 'Carol', rights: sender.rights || [ 'sendemail' ],
				email: sender.email, emailauthenticated: sender.emailauthenticated
			};
		}
		if ( meta.includes( 'allmessages' ) ) {
			query.allmessages = [ { name: 'defemailsubject', content: `Wiki email from user "${ params.amargs }"` } ];
		}
		if ( params.action === 'parse' ) {
			// The wiki renders the summary; the fake only shows that it was asked to.
			return { parse: { parsedsummary: `rendered: ${ params.summary }` } };
		}
		if ( lists.includes( 'blocks' ) ) {
			query.blocks = state.blocks || [];
		}
		if ( lists.includes( 'users' ) ) {
			const names = Array.isArray( params.ususers ) ? params.ususers : String( params.ususers ).split( '|' );
			query.users = names.map( ( name ) => name in ( state.emailable || {} ) ?
				{ userid: 1, name, emailable: state.emailable?.[ name ] } :
				{ name, missing: true } );
		}
		return { batchcomplete: true, query };
	};
}

const goodSender = { email: 'carol@example.test', emailauthenticated: '2026-01-01T00:00:00Z' };

QUnit.module( 'email-user: can the message go?', () => {
	QUnit.test( 'one request asks about both the sender and the recipient', async ( assert ) => {
		const recorded = recordingApi( wiki( { sender: goodSender, emailable: { Bob: true } } ) );
		const readiness = await new EmailChecker( recorded.api, 'Carol', 'en' ).check( 'Bob' );
		assert.strictEqual( readiness.obstacle, null );
		assert.strictEqual( readiness.defaultSubject, 'Wiki email from user "Carol"' );
		assert.strictEqual( recorded.gets.length, 1 );
		assert.deepEqual( recorded.gets[ 0 ], {
			action: 'query',
			meta: 'userinfo|allmessages',
			uiprop: 'email|rights',
			ammessages: 'defemailsubject',
			amenableparser: true,
			amargs: 'Carol',
			amlang: 'en',
			list: 'blocks|users',
			bkusers: 'Carol',
			bkprop: 'by|reason|flags',
			ususers: [ 'Bob' ],
			usprop: 'emailable'
		} );
	} );

	QUnit.test( 'a recipient whose page shows "Email this user" costs no request of its own', async ( assert ) => {
		const recorded = recordingApi( wiki( { sender: goodSender } ) );
		const checker = new EmailChecker( recorded.api, 'Carol', 'en' );
		checker.knowEmailable( 'Bob' );
		assert.strictEqual( ( await checker.check( 'Bob' ) ).obstacle, null );
		assert.strictEqual( recorded.gets.length, 1 );
		assert.strictEqual( recorded.gets[ 0 ].list, 'blocks', 'only the sender is asked about' );
		assert.false( 'ususers' in recorded.gets[ 0 ] );
	} );

	QUnit.test( 'the sender is asked about once per page view, however many panels open', async ( assert ) => {
		const recorded = recordingApi( wiki( { sender: goodSender, emailable: { Bob: true, Dave: false } } ) );
		const checker = new EmailChecker( recorded.api, 'Carol', 'en' );
		await checker.check( 'Bob' );
		await checker.check( 'Bob' );
		assert.strictEqual( recorded.gets.length, 1, 'opening the same panel again asks nothing' );
		assert.strictEqual( ( await checker.check( 'Dave' ) ).obstacle, 'target-unemailable' );
		assert.strictEqual( recorded.gets.length, 2 );
		assert.deepEqual( recorded.gets[ 1 ], { action: 'query', list: 'users', ususers: [ 'Dave' ], usprop: 'emailable' } );
	} );

	QUnit.test( 'each reason the message cannot go is told apart', async ( assert ) => {
		const cases: Array<[ WikiState, string | null, string ]> = [
			[ { sender: { anon: true } }, 'anon', 'logged out' ],
			[ { sender: {} }, 'no-address', 'no email address' ],
			[ { sender: { email: 'carol@example.test' } }, 'unconfirmed', 'address not confirmed' ],
			[ { sender: { ...goodSender, rights: [ 'read' ] } }, 'no-right', 'no sendemail right' ],
			[ { sender: goodSender, blocks: [ { by: 'Admin', reason: 'spam', noemail: true } ] }, 'blocked', 'blocked from email' ],
			[ { sender: goodSender, blocks: [ { by: 'Admin', reason: 'edit war' } ], emailable: { Bob: true } }, null, 'a block that allows email' ],
			[ { sender: goodSender, emailable: {} }, 'target-missing', 'no such user' ],
			[ { sender: goodSender, emailable: { Bob: false } }, 'target-unemailable', 'recipient takes no email' ]
		];
		for ( const [ state, expected, label ] of cases ) {
			const readiness = await new EmailChecker( recordingApi( wiki( state ) ).api, 'Carol', 'en' ).check( 'Bob' );
			assert.strictEqual( readiness.obstacle, expected, label );
		}
	} );

	QUnit.test( 'the block that stops email is reported with its author and the reason as the wiki renders it', async ( assert ) => {
		const state = { sender: goodSender, blocks: [ { by: 'Admin', reason: 'See [[Main Page]] <b>x</b>', noemail: true } ] };
		const recorded = recordingApi( wiki( state ) );
		const readiness = await new EmailChecker( recorded.api, 'Carol', 'en' ).check( 'Bob' );
		assert.deepEqual( readiness.block, { by: 'Admin', reason: 'See [[Main Page]] <b>x</b>', reasonHtml: 'rendered: See [[Main Page]] <b>x</b>' } );
		assert.deepEqual( recorded.gets[ recorded.gets.length - 1 ], { action: 'parse', summary: 'See [[Main Page]] <b>x</b>', prop: '' } );
	} );

	QUnit.test( 'a logged-out reader is told to log in without any request', async ( assert ) => {
		const recorded = recordingApi( wiki( {} ) );
		assert.strictEqual( ( await new EmailChecker( recorded.api, null, 'en' ).check( 'Bob' ) ).obstacle, 'anon' );
		assert.strictEqual( recorded.gets.length, 0 );
	} );

	QUnit.test( 'a temporary account is told that email needs an account, without any request', async ( assert ) => {
		const recorded = recordingApi( wiki( {} ) );
		const checker = new EmailChecker( recorded.api, '~2026-1', 'en', true );
		assert.strictEqual( ( await checker.check( 'Bob' ) ).obstacle, 'temporary' );
		assert.strictEqual( await checker.senderObstacle(), 'temporary' );
		assert.strictEqual( recorded.gets.length, 0 );
	} );

	QUnit.test( 'a failed check is forgotten, so opening the panel again asks again', async ( assert ) => {
		let fail = true;
		const recorded = recordingApi( ( params ) => {
			if ( fail ) {
				throw { kind: 'network', reason: 'offline' };
			}
			return wiki( { sender: goodSender, emailable: { Bob: true } } )( params );
		} );
		const api: ApiClient = { ...recorded.api, get: ( params ) => {
			recorded.gets.push( params );
			try {
				return Promise.resolve( ( recorded.api.get as ( p: ApiParams ) => Promise<never> )( params ) );
			} catch ( failure ) {
				return Promise.reject( failure );
			}
		} };
		const checker = new EmailChecker( api, 'Carol', 'en' );
		await assert.rejects( checker.check( 'Bob' ) );
		fail = false;
		assert.strictEqual( ( await checker.check( 'Bob' ) ).obstacle, null );
	} );
} );

QUnit.module( 'email-user: marking emailable users in lists', () => {
	QUnit.test( '120 users are asked about in 3 requests of at most 50, the first with the sender check, each name once', async ( assert ) => {
		const names = Array.from( { length: 120 }, ( _, i ) => `User ${ i }` );
		const emailable = Object.fromEntries( names.map( ( name, i ) => [ name, i % 2 === 0 ] ) );
		const recorded = recordingApi( wiki( { sender: goodSender, emailable } ) );
		const checker = new EmailChecker( recorded.api, 'Carol', 'en' );
		const users = await checker.lookUp( [ ...names, ...names.slice( 0, 10 ) ] );
		assert.deepEqual( recorded.gets.map( ( params ) => ( params.ususers as string[] ).length ), [ 50, 50, 20 ] );
		assert.strictEqual( recorded.gets[ 0 ].meta, 'userinfo|allmessages', 'the first batch asks about the sender too' );
		assert.strictEqual( users.length, 130 );
		assert.deepEqual( users.slice( 0, 4 ).map( ( user ) => user.emailable ), [ true, false, true, false ] );
		assert.strictEqual( users[ 119 ].name, 'User 119' );
		await checker.lookUp( names.slice( 0, 60 ) );
		await checker.check( 'User 0' );
		assert.strictEqual( recorded.gets.length, 3, 'asked names and the sender are not asked again' );
	} );

	QUnit.test( 'with apihighlimits a request carries up to 500 names', ( assert ) => {
		assert.strictEqual( batchSize( [ 'apihighlimits' ] ), 500 );
		assert.strictEqual( batchSize( [ 'read' ] ), 50 );
	} );
} );

QUnit.module( 'email-user: sending', () => {
	const draft = { subject: 'Привет <b>&amp;</b>', text: 'İı 🎉', ccme: false };

	QUnit.test( 'the email is one csrf post with assertuser, and ccme only when asked', async ( assert ) => {
		assert.deepEqual( emailRequest( 'Carol', 'Bob', draft ), {
			action: 'emailuser', target: 'Bob', subject: 'Привет <b>&amp;</b>', text: 'İı 🎉', assertuser: 'Carol'
		} );
		assert.strictEqual( emailRequest( 'Carol', 'Bob', { ...draft, ccme: true } ).ccme, true );
		const recorded = recordingApi( () => ( { emailuser: { result: 'Success' } } ) );
		await sendEmail( recorded.api, 'Carol', 'Bob', draft );
		assert.deepEqual( recorded.posts.map( ( post ) => post.tokenType ), [ 'csrf' ] );
	} );

	QUnit.test( 'a Failure result inside a successful response is an error', async ( assert ) => {
		const recorded = recordingApi( () => ( { emailuser: { result: 'Failure', errors: [ { code: 'hookaborted', html: 'Stopped by an extension' } ] } } ) );
		await assert.rejects( sendEmail( recorded.api, 'Carol', 'Bob', draft ), ( failure: unknown ) => {
			assert.deepEqual( failure, { kind: 'api', code: 'hookaborted', html: 'Stopped by an extension' } );
			return true;
		} );
	} );
} );

QUnit.module( 'email-user: keeping the draft', () => {
	function memoryStore(): SessionStore & { data: Map<string, string> } {
		const data = new Map<string, string>();
		return {
			data,
			get: ( key ) => data.has( key ) ? data.get( key ) as string : null,
			set: ( key, value ) => !!data.set( key, value ),
			remove: ( key ) => data.delete( key )
		};
	}

	QUnit.test( 'a draft survives until it is cleared, per wiki and recipient', ( assert ) => {
		const store = memoryStore();
		new DraftStore( store, 'wiki1', 'Bob' ).save( { subject: 'Hi', text: 'Text', ccme: true } );
		assert.deepEqual( new DraftStore( store, 'wiki1', 'Bob' ).load(), { subject: 'Hi', text: 'Text', ccme: true } );
		assert.strictEqual( new DraftStore( store, 'wiki1', 'Dave' ).load(), null, 'another recipient has no draft' );
		assert.strictEqual( new DraftStore( store, 'wiki2', 'Bob' ).load(), null, 'another wiki has no draft' );
		new DraftStore( store, 'wiki1', 'Bob' ).clear();
		assert.strictEqual( new DraftStore( store, 'wiki1', 'Bob' ).load(), null );
	} );

	QUnit.test( 'an empty draft is not stored, and a broken one is ignored', ( assert ) => {
		const store = memoryStore();
		new DraftStore( store, 'w', 'Bob' ).save( { subject: '', text: '', ccme: false } );
		assert.strictEqual( store.data.size, 0 );
		store.data.set( 'account-gadgets-email-draft:w:Bob', '{not json' );
		assert.strictEqual( new DraftStore( store, 'w', 'Bob' ).load(), null );
	} );
} );
