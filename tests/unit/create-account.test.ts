import { ApiClient, ApiParams } from '../../src/lib/api';
import { LiveState } from '../../src/lib/live-check';
import {
	BatchRow, BatchRunner, BatchState, NameVerdict, askNames, checkRows, creatorOf, mergeRows, normalName, parseRows, usernameCheck
} from '../../src/gadgets/create-account/logic';

/** A fake wiki: which accounts exist, what createaccount answers, and every request made. */
function fakeWiki( existing: string[], createAnswer: ( params: ApiParams ) => unknown = () => ( { createaccount: { status: 'PASS' } } ), formFields: Record<string, object> = {} ) {
	const exists = new Set( existing );
	const sent: ApiParams[] = [];
	const answerUsers = ( names: string[] ) => ( {
		query: {
			users: names.map( ( name ) => {
				if ( /[#<>[\]|{}]/.test( name ) ) {
					return { name, invalid: true };
				}
				const normal = normalName( name );
				return exists.has( normal ) ? { name: normal, userid: 1 } : { name: normal, missing: true, cancreate: true };
			} ).reverse()
		}
	} );
	const api: ApiClient = {
		get: <T>( params: ApiParams ) => {
			sent.push( params );
			if ( params.list === 'users' ) {
				return Promise.resolve( answerUsers( params.ususers as string[] ) as T );
			}
			return Promise.resolve( { query: {
				authmanagerinfo: { fields: { username: { type: 'string' }, email: { type: 'string', optional: true }, realname: { type: 'string', optional: true }, mailpassword: { type: 'checkbox', optional: true }, ...formFields } },
				tokens: { createaccounttoken: 't' }
			} } as T );
		},
		post: () => Promise.reject( new Error( 'unused' ) ),
		postWithToken: () => Promise.reject( new Error( 'unused' ) ),
		postWithPrefixedToken: <T>( _type: string, _param: string, params: ApiParams ) => {
			sent.push( params );
			const answer = createAnswer( params );
			if ( typeof answer === 'function' ) {
				return answer();
			}
			if ( ( answer as { createaccount?: { status?: string } } ).createaccount?.status === 'PASS' ) {
				exists.add( normalName( params.username as string ) );
			}
			return Promise.resolve( answer as T );
		}
	};
	const creations = () => sent.filter( ( params ) => params.action === 'createaccount' ).map( ( params ) => params.username );
	return { api, sent, exists, creations };
}

function memoryStore() {
	let saved: BatchState | null = null;
	return {
		load: () => saved,
		save: ( state: BatchState ) => {
			saved = JSON.parse( JSON.stringify( state ) );
		},
		get saved() {
			return saved;
		}
	};
}

function rows( ...names: string[] ): BatchRow[] {
	return names.map( ( username ) => ( { username, email: `${ username.replace( /\W/g, '' ) }@example.test`, status: 'ready' } ) );
}

function runner( api: ApiClient, state: BatchState, store = memoryStore() ) {
	return { store, batch: new BatchRunner( { api, store, creator: 'Admin', returnUrl: 'http://wiki/Main_Page', onChange: () => undefined }, state ) };
}

QUnit.module( 'create-account: is this username free?', () => {
	QUnit.test( 'answers are matched to the names as asked, whatever order and spelling the wiki uses', async ( assert ) => {
		const { api, sent } = fakeWiki( [ 'Bob' ] );
		const verdicts = await askNames( api, [ 'bob', 'New_person', 'Bad#name' ] );
		assert.deepEqual( sent[ 0 ], { action: 'query', list: 'users', ususers: [ 'bob', 'New_person', 'Bad#name' ], usprop: 'cancreate' } );
		assert.strictEqual( verdicts.bob.status, 'taken' );
		assert.strictEqual( verdicts.New_person.status, 'available' );
		assert.strictEqual( verdicts.New_person.name, 'New person' );
		assert.strictEqual( verdicts[ 'Bad#name' ].status, 'invalid' );
	} );

	QUnit.test( 'a name the wiki refuses to create carries the wiki\'s reason', async ( assert ) => {
		const api: ApiClient = { ...fakeWiki( [] ).api, get: <T>() => Promise.resolve( { query: { users: [
			{ name: 'Spoofed', missing: true, cancreate: false, cancreateerror: [ { code: 'antispoof-conflict', html: 'Too similar to <b>Sp00fed</b>.' } ] }
		] } } as T ) };
		const verdicts = await askNames( api, [ 'Spoofed' ] );
		assert.deepEqual( verdicts.Spoofed, { status: 'not-allowed', name: 'Spoofed', html: 'Too similar to <b>Sp00fed</b>.' } );
	} );

	QUnit.test( 'typed names are asked about after a pause, once each', async ( assert ) => {
		const { api, sent } = fakeWiki( [ 'Bob' ] );
		const timers: Array<() => void> = [];
		const clock = { setTimeout: ( callback: () => void ) => timers.push( callback ), clearTimeout: () => undefined };
		const states: LiveState<NameVerdict>[] = [];
		const check = usernameCheck( api, ( state ) => states.push( state ), clock );
		check.update( 'Bo' );
		check.update( 'Bob' );
		timers.pop()!();
		// Let the answer arrive.
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
		check.update( 'Bob' );
		check.update( 'Bobby' );
		check.update( 'Bob' );
		assert.strictEqual( sent.length, 1, 'only the name typed last before the pause, and never again' );
		const last = states[ states.length - 1 ];
		assert.strictEqual( last.state === 'done' && last.verdict.status, 'taken' );
	} );
} );

QUnit.module( 'create-account: the rows of a batch', () => {
	QUnit.test( 'CSV with or without a header, commas, semicolons or tabs, quotes and blank lines', ( assert ) => {
		assert.deepEqual( parseRows( 'username,email\nAnna, anna@example.test\n\n"Ben";ben@example.test\nCara\tcara@example.test\n' ).map( ( row ) => [ row.username, row.email ] ),
			[ [ 'Anna', 'anna@example.test' ], [ 'Ben', 'ben@example.test' ], [ 'Cara', 'cara@example.test' ] ] );
		assert.strictEqual( parseRows( 'Anna, anna@example.test' ).length, 1, 'no header: the first row is an account' );
	} );

	QUnit.test( 'each row is checked: taken, invalid, listed twice, a bad address, or ready', async ( assert ) => {
		const { api, sent } = fakeWiki( [ 'Bob' ] );
		const checked = await checkRows( api, parseRows( 'Anna, anna@example.test\nBob, b@example.test\nBad#name, x@example.test\nanna, a2@example.test\nDan, not-an-address' ) );
		assert.deepEqual( checked.map( ( row ) => row.status ), [ 'ready', 'taken', 'invalid', 'duplicate', 'bad-email' ] );
		assert.strictEqual( sent.length, 1, 'one request for the names' );
	} );

	QUnit.test( 'more than 50 names take one request per 50', async ( assert ) => {
		const { api, sent } = fakeWiki( [] );
		const many = Array.from( { length: 120 }, ( _, i ) => `User ${ i }, u${ i }@example.test` ).join( '\n' );
		const checked = await checkRows( api, parseRows( many ) );
		assert.strictEqual( sent.length, 3 );
		assert.true( checked.every( ( row ) => row.status === 'ready' ) );
	} );

	QUnit.test( 'editing the list keeps what is known of rows still listed', ( assert ) => {
		const known: BatchRow[] = [ { username: 'Anna', email: 'a@example.test', status: 'created' } ];
		assert.deepEqual( mergeRows( known, parseRows( 'Anna, a@example.test\nBen, b@example.test' ) ).map( ( row ) => row.status ), [ 'created', 'unchecked' ] );
	} );
} );

QUnit.module( 'create-account: running a batch', () => {
	QUnit.test( 'ready rows are created one by one with an emailed password, asserting the creator', async ( assert ) => {
		const wiki = fakeWiki( [] );
		const { batch, store } = runner( wiki.api, { rows: rows( 'Anna', 'Ben' ), reason: 'Workshop' } );
		assert.deepEqual( await batch.run(), { why: 'done' } );
		assert.deepEqual( wiki.creations(), [ 'Anna', 'Ben' ] );
		const sent = wiki.sent.filter( ( params ) => params.action === 'createaccount' )[ 0 ];
		assert.strictEqual( sent.mailpassword, true );
		assert.strictEqual( sent.email, 'Anna@example.test' );
		assert.strictEqual( sent.reason, 'Workshop' );
		assert.strictEqual( sent.assertuser, 'Admin' );
		assert.strictEqual( sent.realname, '', 'the form\'s other fields are sent empty, or MediaWiki ignores the address' );
		assert.deepEqual( store.saved!.rows.map( ( row ) => row.status ), [ 'created', 'created' ] );
	} );

	QUnit.test( 'a row is stored as being created before its request goes out', async ( assert ) => {
		const store = memoryStore();
		let seenWhileSending = '';
		const wiki = fakeWiki( [], () => {
			seenWhileSending = store.saved!.rows[ 0 ].status;
			return { createaccount: { status: 'PASS' } };
		} );
		await runner( wiki.api, { rows: rows( 'Anna' ), reason: '' }, store ).batch.run();
		assert.strictEqual( seenWhileSending, 'creating' );
	} );

	QUnit.test( 'a lost answer pauses the batch; the row is looked up, not sent again', async ( assert ) => {
		let calls = 0;
		const wiki = fakeWiki( [], ( params ) => {
			calls++;
			if ( calls === 1 ) {
				// The wiki creates the account, but the answer never arrives.
				wiki.exists.add( params.username as string );
				return () => Promise.reject( { kind: 'network', reason: 'offline' } );
			}
			return { createaccount: { status: 'PASS' } };
		} );
		const { batch } = runner( wiki.api, { rows: rows( 'Anna', 'Ben' ), reason: '' } );
		assert.deepEqual( await batch.run(), { why: 'network' } );
		assert.strictEqual( batch.state.rows[ 0 ].status, 'creating' );
		assert.deepEqual( await batch.run(), { why: 'done' } );
		assert.deepEqual( wiki.creations(), [ 'Anna', 'Ben' ], 'Anna was sent once' );
		assert.deepEqual( batch.state.rows.map( ( row ) => row.status ), [ 'created', 'created' ] );
	} );

	QUnit.test( 'after a reload, a row that was being created and does not exist is created', async ( assert ) => {
		const wiki = fakeWiki( [] );
		const state: BatchState = { rows: [ { username: 'Anna', email: 'a@example.test', status: 'creating' } ], reason: '' };
		await runner( wiki.api, state ).batch.run();
		assert.deepEqual( wiki.creations(), [ 'Anna' ] );
	} );

	QUnit.test( 'the throttle pauses the batch with the wiki\'s message instead of failing every row', async ( assert ) => {
		const wiki = fakeWiki( [], () => ( { createaccount: { status: 'FAIL', messagecode: 'acct_creation_throttle_hit', message: 'Too many accounts.' } } ) );
		const { batch } = runner( wiki.api, { rows: rows( 'Anna', 'Ben', 'Cara' ), reason: '' } );
		assert.deepEqual( await batch.run(), { why: 'throttled', html: 'Too many accounts.' } );
		assert.deepEqual( wiki.creations(), [ 'Anna' ] );
		assert.deepEqual( batch.state.rows.map( ( row ) => row.status ), [ 'ready', 'ready', 'ready' ] );
	} );

	QUnit.test( 'a failed row is reported with the wiki\'s reason and the batch goes on', async ( assert ) => {
		const wiki = fakeWiki( [], ( params ) => ( params.username === 'Anna' ?
			{ createaccount: { status: 'FAIL', messagecode: 'userexists', message: 'Username entered already in use.' } } :
			{ createaccount: { status: 'PASS' } } ) );
		const { batch } = runner( wiki.api, { rows: rows( 'Anna', 'Ben' ), reason: '' } );
		assert.deepEqual( await batch.run(), { why: 'done' } );
		assert.deepEqual( batch.state.rows.map( ( row ) => [ row.status, row.html || '' ] ), [ [ 'failed', 'Username entered already in use.' ], [ 'created', '' ] ] );
	} );

	QUnit.test( 'retrying failed rows looks them up first: a name taken meanwhile is not sent again', async ( assert ) => {
		const wiki = fakeWiki( [ 'Anna' ] );
		const state: BatchState = { rows: [
			{ username: 'Anna', email: 'a@example.test', status: 'failed' },
			{ username: 'Ben', email: 'b@example.test', status: 'failed' }
		], reason: '' };
		const { batch } = runner( wiki.api, state );
		await batch.recheck( true );
		assert.deepEqual( batch.state.rows.map( ( row ) => row.status ), [ 'taken', 'ready' ] );
		await batch.run();
		assert.deepEqual( wiki.creations(), [ 'Ben' ] );
	} );

	QUnit.test( 'a captcha on every creation: the batch asks for it, then goes on, and asks again', async ( assert ) => {
		const captcha = {
			captchaId: { type: 'hidden', value: '7' },
			captchaInfo: { type: 'null', value: '2+3 =' },
			captchaWord: { type: 'string' }
		};
		const wiki = fakeWiki( [], ( params ) => ( params.captchaWord === '5' ?
			{ createaccount: { status: 'PASS' } } :
			{ createaccount: { status: 'FAIL', messagecode: 'captcha-createaccount-fail', message: 'Incorrect or missing CAPTCHA.' } } ), captcha );
		const { batch } = runner( wiki.api, { rows: rows( 'Anna', 'Ben' ), reason: '' } );
		const first = await batch.run();
		assert.strictEqual( first.why, 'needs-more', 'asked before the first request' );
		assert.deepEqual( first.why === 'needs-more' && first.fields.map( ( field ) => field.name ), [ 'captchaId', 'captchaInfo', 'captchaWord' ] );
		assert.deepEqual( wiki.creations(), [] );
		batch.provide( { captchaId: '7', captchaWord: '4' } );
		const wrong = await batch.run();
		assert.strictEqual( wrong.why, 'needs-more', 'a wrong answer asks again, the row stays' );
		assert.strictEqual( batch.state.rows[ 0 ].status, 'ready' );
		batch.provide( { captchaId: '7', captchaWord: '5' } );
		const second = await batch.run();
		assert.strictEqual( second.why, 'needs-more', 'the next account needs its own answer' );
		batch.provide( { captchaId: '7', captchaWord: '5' } );
		assert.deepEqual( await batch.run(), { why: 'done' } );
		assert.deepEqual( batch.state.rows.map( ( row ) => row.status ), [ 'created', 'created' ] );
		assert.deepEqual( wiki.creations(), [ 'Anna', 'Anna', 'Ben' ] );
	} );

	QUnit.test( 'pausing stops after the row being created', async ( assert ) => {
		const wiki = fakeWiki( [] );
		const { batch } = runner( wiki.api, { rows: rows( 'Anna', 'Ben' ), reason: '' } );
		const running = batch.run();
		batch.pause();
		assert.deepEqual( await running, { why: 'paused' } );
		assert.true( wiki.creations().length <= 1 );
	} );
} );

QUnit.module( 'create-account: after a lost answer', () => {
	const logApi = ( entries: { user: string }[] ): { api: ApiClient; sent: ApiParams[] } => {
		const sent: ApiParams[] = [];
		const api: ApiClient = {
			get: <T>( params: ApiParams ) => {
				sent.push( params );
				return Promise.resolve( { query: { logevents: entries } } as T );
			},
			post: () => Promise.reject( new Error( 'unused' ) ),
			postWithToken: () => Promise.reject( new Error( 'unused' ) ),
			postWithPrefixedToken: () => Promise.reject( new Error( 'unused' ) )
		};
		return { api, sent };
	};

	QUnit.test( 'whether the account was made, and by whom, is asked of the creation log in one request', async ( assert ) => {
		const { api, sent } = logApi( [ { user: 'Admin' } ] );
		assert.strictEqual( await creatorOf( api, 'Guest 1' ), 'Admin' );
		assert.deepEqual( sent, [ { action: 'query', list: 'logevents', letype: 'newusers', letitle: 'User:Guest 1', leprop: 'user', lelimit: 1 } ] );
	} );

	QUnit.test( 'an account the log does not know was not made: it is sent again', async ( assert ) => {
		assert.strictEqual( await creatorOf( logApi( [] ).api, 'Guest 2' ), null );
	} );
} );
