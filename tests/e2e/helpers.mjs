// What the end-to-end tests share: Debian's Chromium driven by playwright-core, a person logged in
// to a local wiki, the mail the wiki sent, and what a failing test leaves behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { spawnSync } from 'node:child_process';
import { wikis, readAccounts, repoRoot, phpEnv, maintenanceArgs } from '../../scripts/wiki/wikis.mjs';

export { wikis };
export const accounts = readAccounts();
const resultsDir = path.join( repoRoot, 'test-results' );

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium from Debian. Background networking is off: this machine has no network
 * beyond the local wikis, and Chromium's own connections would only fail.
 *
 * @return {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser() {
	return chromium.launch( {
		executablePath: chromiumPath,
		args: [
			'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'
		]
	} );
}

/**
 * One browser for the tests of a describe() block: started before them, closed after them.
 *
 * @return {() => import('playwright-core').Browser}
 */
export function browserForSuite() {
	let browser = null;
	before( async () => {
		browser = await launchBrowser();
	} );
	after( () => browser.close() );
	return () => browser;
}

/**
 * A gadget's messages in one language, with the shared ones: what the panel should show.
 *
 * @param {string} gadget folder name under src/gadgets
 * @param {string} language
 * @return {Object<string,string>}
 */
export function gadgetMessages( gadget, language ) {
	const read = ( file ) => JSON.parse( readFileSync( path.join( repoRoot, file ), 'utf8' ) );
	return { ...read( `src/i18n/${ language }.json` ), ...read( `src/gadgets/${ gadget }/i18n/${ language }.json` ) };
}

/**
 * Waits until an open panel (or another OOUI process dialog, such as VisualEditor's save dialog)
 * has finished opening and what it was doing (its check, its request).
 * The panel shows its content once the window is ready (see Panel.show), which may be before
 * OOUI's zoom-in ends: sizes and positions hold only once no transition runs.
 */
export function panelSettled( page ) {
	return page.waitForFunction( () => {
		const dialog = document.querySelector( '.oo-ui-processDialog.oo-ui-window-ready' );
		return dialog && !dialog.querySelector( '.oo-ui-pendingElement-pending' ) &&
			dialog.getAnimations( { subtree: true } ).length === 0;
	} );
}

/**
 * Runs in every page before its scripts. Headless Chromium may go seconds, once over a minute,
 * without an idle period, mostly after another tab of the context was open (a ctrl-click): an
 * idle callback without a timeout waits that long, while a visible tab in a person's browser gets
 * one within milliseconds. ResourceLoader evaluates modules from its localStorage store in such
 * callbacks, so a panel whose modules were stored opened a minute late (measured: a callback
 * asked for at 0.5 s ran at 4.5 s, while those with a timeout ran at once). Such a callback now
 * waits at most a second, and then gets the 50 ms that MediaWiki's own fallback for browsers
 * without requestIdleCallback gives. Callbacks that ask for a timeout are left as they are.
 */
function idleCallbacksWaitAtMostASecond() {
	const native = window.requestIdleCallback && window.requestIdleCallback.bind( window );
	if ( !native ) {
		return;
	}
	window.requestIdleCallback = ( callback, options ) => {
		if ( options && options.timeout ) {
			return native( callback, options );
		}
		return native( ( deadline ) => {
			if ( !deadline.didTimeout ) {
				return callback( deadline );
			}
			const start = performance.now();
			return callback( { didTimeout: false, timeRemaining: () => Math.max( 0, 50 - ( performance.now() - start ) ) } );
		}, { timeout: 1000 } );
	};
}

/**
 * A browser context for one person on one wiki, with everything it does recorded so that a
 * failing test can show it.
 */
export class Visit {
	constructor( browser, wiki ) {
		this.browser = browser;
		this.wiki = wiki;
		this.requests = [];
		this.consoleErrors = [];
	}

	/**
	 * @param {Object} [contextOptions] e.g. phone() for a phone's screen, touch and user agent
	 * @return {Promise<Visit>}
	 */
	async start( contextOptions = { viewport: { width: 1280, height: 900 } } ) {
		this.context = await this.browser.newContext( contextOptions );
		await this.context.addInitScript( idleCallbacksWaitAtMostASecond );
		// A person who has edited here before: VisualEditor's welcome dialog ("Switch to the
		// visual editor / Start editing"), shown on a first edit, was dismissed then.
		await this.context.addInitScript( () => {
			try {
				// In the browser's page, not in Node.
				// eslint-disable-next-line n/no-unsupported-features/node-builtins
				window.localStorage.setItem( 've-beta-welcome-dialog', '1' );
			} catch ( error ) {
				// No storage on this page (about:blank): nothing to remember there.
			}
		} );
		this.page = await this.context.newPage();
		this.page.on( 'request', ( request ) => {
			this.requests.push( { method: request.method(), url: request.url(), postData: request.postData() } );
		} );
		this.page.on( 'console', ( message ) => {
			if ( message.type() === 'error' ) {
				this.consoleErrors.push( message.text() );
			}
		} );
		this.page.on( 'pageerror', ( error ) => this.consoleErrors.push( `pageerror: ${ error.message }` ) );
		return this;
	}

	url( title, query = {} ) {
		const params = new URLSearchParams( { title, ...query } );
		return `${ this.wiki.server }/index.php?${ params }`;
	}

	async open( title, query = {} ) {
		await this.page.goto( this.url( title, query ) );
		await this.page.waitForFunction( () => window.mw && mw.loader && mw.loader.getState( 'mediawiki.base' ) === 'ready' );
	}

	/** An API request made with this person's session (cookies shared with the page). */
	async api( params, { method = 'GET' } = {} ) {
		const form = { format: 'json', formatversion: '2', ...params };
		const response = method === 'GET' ?
			await this.context.request.get( `${ this.wiki.api }?${ new URLSearchParams( form ) }` ) :
			await this.context.request.post( this.wiki.api, { form } );
		return response.json();
	}

	async token( type = 'csrf' ) {
		const answer = await this.api( { action: 'query', meta: 'tokens', type } );
		return answer.query.tokens[ `${ type }token` ];
	}

	async logIn( account ) {
		let answer = await this.api( {
			action: 'clientlogin', username: account.name, password: account.password,
			logintoken: await this.token( 'login' ), loginreturnurl: this.wiki.server
		}, { method: 'POST' } );
		if ( answer.clientlogin.status === 'UI' && account.totpSecret ) {
			// Two-factor: the code an authenticator app shows now.
			answer = await this.api( {
				action: 'clientlogin', logincontinue: 1, OATHToken: totp( account.totpSecret ), logintoken: await this.token( 'login' )
			}, { method: 'POST' } );
		}
		if ( answer.clientlogin.status !== 'PASS' ) {
			throw new Error( `Could not log in as ${ account.name }: ${ JSON.stringify( answer ) }` );
		}
		return this;
	}

	/** Switches preferences for the logged-in person, e.g. { 'gadget-email-user': 1, skin: 'monobook' }. */
	async setOptions( options ) {
		const change = Object.entries( options ).map( ( [ name, value ] ) => `${ name }=${ value }` ).join( '|' );
		const answer = await this.api( { action: 'options', change, token: await this.token() }, { method: 'POST' } );
		if ( answer.options !== 'success' ) {
			throw new Error( `Could not set options: ${ JSON.stringify( answer ) }` );
		}
	}

	/** Requests to api.php whose parameters include all of `match`. */
	apiRequests( match ) {
		return this.requests.filter( ( request ) => request.url.startsWith( this.wiki.api ) ).filter( ( request ) => {
			const params = new URLSearchParams( request.method === 'POST' ? request.postData || '' : new URL( request.url ).search );
			return Object.entries( match ).every( ( [ name, value ] ) => params.get( name ) === value );
		} );
	}

	/** Errors in the browser console that mean our code did not run: parse errors and exceptions. */
	scriptErrors() {
		return this.consoleErrors.filter( ( text ) => !/Failed to load resource/.test( text ) );
	}

	async close() {
		await this.context.close();
	}
}

/**
 * A phone: 360 × 640 with touch, as the mobile tests use it.
 *
 * @return {Object} browser context options
 */
export function phone() {
	return { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
}

/**
 * The mobile view needs MobileFrontend, which `wiki up` installs when it can: a wiki without it
 * fails the mobile tests, saying why, rather than skipping them.
 *
 * @param {Object} wiki
 */
export function assertMobileView( wiki ) {
	const missing = path.join( wiki.dir, 'mobile-missing' );
	if ( existsSync( missing ) ) {
		throw new Error( readFileSync( missing, 'utf8' ).trim() );
	}
}

/**
 * An accessibility scan (axe-core) of what is inside `selector`: the WCAG 2 A and AA violations.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @return {Promise<string[]>} one line per violation, empty when there is none
 */
export async function accessibilityViolations( page, selector ) {
	if ( !await page.evaluate( () => !!window.axe ) ) {
		await page.addScriptTag( { path: path.join( repoRoot, 'node_modules/axe-core/axe.min.js' ) } );
	}
	const violations = await page.evaluate( ( context ) => window.axe.run( context, {
		runOnly: { type: 'tag', values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] }
	} ).then( ( result ) => result.violations.map( ( violation ) => ( {
		id: violation.id, help: violation.help, nodes: violation.nodes.map( ( node ) => node.target.join( ' ' ) )
	} ) ) ), selector );
	return violations.map( ( violation ) => `${ violation.id }: ${ violation.help } (${ violation.nodes.join( ', ' ) })` );
}

function slug( text ) {
	return text.replace( /[^A-Za-z0-9]+/g, '-' ).replace( /^-|-$/g, '' ).slice( 0, 120 );
}

/**
 * Runs one test body with a fresh visit; if it fails, leaves a screenshot, the requests made and
 * the console errors in test-results/<test name>/ for the next engineer to look at.
 *
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Browser} browser
 * @param {Object} wiki
 * @param {(visit: Visit) => Promise<void>} body
 * @param {Object} [contextOptions] see Visit.start()
 */
export async function inVisit( t, browser, wiki, body, contextOptions = undefined ) {
	const visit = await new Visit( browser, wiki ).start( contextOptions );
	try {
		await body( visit );
	} catch ( error ) {
		const dir = path.join( resultsDir, slug( t.fullName || t.name ) );
		mkdirSync( dir, { recursive: true } );
		await visit.page.screenshot( { path: path.join( dir, 'screenshot.png' ), fullPage: true } ).catch( () => {} );
		// Request bodies are left out: they may hold a password. A POST's action is kept.
		const requests = visit.requests.map( ( request ) => ( {
			method: request.method, url: request.url,
			action: request.method === 'POST' ? new URLSearchParams( request.postData || '' ).get( 'action' ) || undefined : undefined
		} ) );
		writeFileSync( path.join( dir, 'requests.json' ), JSON.stringify( requests, null, '\t' ) );
		writeFileSync( path.join( dir, 'console.txt' ), visit.consoleErrors.join( '\n' ) );
		// What the open panels said, for a failure the screenshot cannot show (a panel off screen).
		const dialogs = await visit.page.evaluate( () => Array.from( document.querySelectorAll( '[role=dialog]' ), ( node ) => node.innerText ) ).catch( () => [] );
		writeFileSync( path.join( dir, 'dialogs.txt' ), dialogs.join( '\n----\n' ) );
		throw error;
	} finally {
		await visit.close();
	}
}

/** The mailbox of a local wiki: every email it sent, as files. */
export class Mailbox {
	constructor( wiki ) {
		this.dir = wiki.mailDir;
		this.seen = new Set( this.files() );
	}

	files() {
		return existsSync( this.dir ) ? readdirSync( this.dir ).filter( ( file ) => file.endsWith( '.eml' ) ).sort() : [];
	}

	/**
	 * Emails sent since this mailbox was opened, parsed.
	 *
	 * @return {Promise<Array<{to:string,subject:string,text:string,raw:string}>>}
	 */
	async newMail() {
		const mails = [];
		for ( const file of this.files().filter( ( name ) => !this.seen.has( name ) ) ) {
			const raw = readFileSync( path.join( this.dir, file ), 'utf8' );
			const parsed = await simpleParser( raw );
			const to = parsed.to ? parsed.to.value.map( ( address ) => address.address ).join( ', ' ) : '';
			mails.push( { to, subject: parsed.subject, text: parsed.text, raw } );
		}
		return mails;
	}
}

/**
 * Writes an email in the open email panel, sends it, and waits until the panel has closed.
 *
 * @param {import('playwright-core').Page} page
 * @param {Mailbox} mailbox opened before the panel sent anything
 * @param {{subject: string, message: string}} email
 * @param {(button: import('playwright-core').Locator) => Promise<void>} press e.g. a tap on a phone
 * @return {Promise<Array>} the new emails with that subject
 */
export async function sendEmailInPanel( page, mailbox, { subject, message }, press = ( button ) => button.click() ) {
	const en = gadgetMessages( 'email-user', 'en' );
	await page.getByRole( 'textbox', { name: en[ 'subject-label' ] } ).fill( subject );
	await page.getByRole( 'textbox', { name: en[ 'message-label' ] } ).fill( message );
	await press( page.getByRole( 'button', { name: en.send } ) );
	await page.getByRole( 'dialog' ).waitFor( { state: 'hidden' } );
	return ( await mailbox.newMail() ).filter( ( mail ) => mail.subject === subject );
}

/**
 * Changes a local wiki's configuration for the rest of a test (see scripts/wiki/settings.php);
 * returns the function that puts it back.
 *
 * @param {Object} wiki
 * @param {Object} globals e.g. { wgRateLimits: { emailuser: { user: [ 1, 60 ] } } }
 * @return {() => void}
 */
export function overrideSettings( wiki, globals ) {
	const previous = existsSync( wiki.overridesFile ) ? readFileSync( wiki.overridesFile, 'utf8' ) : null;
	const current = previous ? JSON.parse( previous ) : {};
	writeFileSync( wiki.overridesFile, JSON.stringify( { ...current, ...globals } ) );
	return () => {
		if ( previous === null ) {
			rmSync( wiki.overridesFile, { force: true } );
		} else {
			writeFileSync( wiki.overridesFile, previous );
		}
	};
}

/**
 * The current TOTP code for a base32 secret (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as
 * an authenticator app would show it.
 *
 * @param {string} secret base32
 * @param {number} [now] milliseconds since the epoch
 * @return {string}
 */
export function totp( secret, now = Date.now() ) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const bits = secret.replace( /=+$/, '' ).split( '' ).map( ( char ) => alphabet.indexOf( char ).toString( 2 ).padStart( 5, '0' ) ).join( '' );
	const key = Buffer.from( bits.match( /.{8}/g ).map( ( byte ) => parseInt( byte, 2 ) ) );
	const counter = Buffer.alloc( 8 );
	counter.writeBigUInt64BE( BigInt( Math.floor( now / 30000 ) ) );
	const hmac = createHmac( 'sha1', key ).update( counter ).digest();
	// RFC 4226's dynamic truncation is defined with bit masks.
	// eslint-disable-next-line no-bitwise
	const offset = hmac[ hmac.length - 1 ] & 0xf;
	// eslint-disable-next-line no-bitwise
	return String( ( hmac.readUInt32BE( offset ) & 0x7fffffff ) % 1000000 ).padStart( 6, '0' );
}

/**
 * In the Minerva skin at a phone's size, taps the user menu and one of its links, as a person on
 * a phone would, and waits for the panel it opens; then checks that the panel fills the screen
 * without sideways scrolling.
 *
 * @param {Visit} visit
 * @param {string} linkName e.g. 'Log in'
 */
export async function openFromMinervaMenu( visit, linkName ) {
	const { page } = visit;
	await page.setViewportSize( { width: 360, height: 640 } );
	await visit.open( 'Main Page', { useskin: 'minerva' } );
	await page.waitForFunction( () => window.accountGadgetsLoggedOut );
	// A tap where the icon is: 1.45's Minerva lays its checkbox over the icon's label.
	await page.locator( '#minerva-user-menu-toggle' ).click( { force: true } );
	await page.getByRole( 'link', { name: linkName, exact: true } ).click();
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
	const [ scrollWidth, dialogWidth ] = await page.evaluate( () => [
		document.documentElement.scrollWidth,
		document.querySelector( '.oo-ui-processDialog' ).getBoundingClientRect().width
	] );
	if ( scrollWidth > 360 || dialogWidth > 360 ) {
		throw new Error( `The panel does not fit a phone: page ${ scrollWidth } px, panel ${ dialogWidth } px wide` );
	}
}

/**
 * After a login or sign-up from a panel: the page shows `name` as the user, and the wiki agrees.
 *
 * @param {Visit} visit
 * @param {string} name
 */
export async function loggedInAs( visit, name ) {
	await visit.page.waitForFunction( ( expected ) => window.mw && mw.config.get( 'wgUserName' ) === expected, name );
	const me = await visit.api( { action: 'query', meta: 'userinfo' } );
	if ( me.query.userinfo.name !== name ) {
		throw new Error( `Logged in as ${ me.query.userinfo.name }, not ${ name }` );
	}
}

/**
 * No password anywhere in a request address: they go in POST bodies only.
 *
 * @param {Visit} visit
 * @param {...string} passwords
 */
export function assertNoPasswordInUrls( visit, ...passwords ) {
	for ( const request of visit.requests ) {
		for ( const password of passwords ) {
			if ( request.url.includes( password ) || request.url.includes( encodeURIComponent( password ) ) ) {
				throw new Error( `A password is in ${ request.url }` );
			}
		}
	}
}

/**
 * The answer to SimpleCaptcha's question (ConfirmEdit's default), e.g. "40−1 =", with U+2212 as
 * its minus sign.
 *
 * @param {string} question
 * @return {number}
 */
export function solveSum( question ) {
	// "… =" where the question is shown among other text (a date such as 2026-12-02, say).
	const [ , a, op, b ] = question.match( /(\d+)\s*([+−-])\s*(\d+)\s*=/ ) || question.match( /(\d+)\s*([+−-])\s*(\d+)/ );
	return op === '+' ? Number( a ) + Number( b ) : Number( a ) - Number( b );
}

/**
 * Answers ConfirmEdit's question in an open panel, as a person would, if the wiki asked one
 * (its default triggers ask on sign-up, and on login after failures): SimpleCaptcha's sum, e.g.
 * "40−1", with U+2212 as its minus sign; `offBy` gives a wrong answer on purpose.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} [offBy]
 * @return {Promise<boolean>} whether there was a question
 */
export async function answerCaptcha( page, offBy = 0 ) {
	const dialog = page.getByRole( 'dialog' );
	const question = dialog.locator( '.account-gadgets-auth-question' );
	if ( await question.count() === 0 ) {
		return false;
	}
	const answer = solveSum( await question.innerText() );
	// The answer box is the one the question describes, for screen readers too.
	const id = await question.evaluate( ( node ) => node.closest( '.account-gadgets-auth-info' ).id );
	await dialog.locator( `input[aria-describedby~="${ id }"]` ).fill( String( answer + offBy ) );
	return true;
}

/**
 * Runs one of our maintenance scripts (scripts/wiki/) on a local wiki, e.g. to give a user
 * recovery codes that the test knows.
 *
 * @param {Object} wiki
 * @param {string} script file name in scripts/wiki/
 * @param {...string} args
 * @return {string} what it printed
 */
export function runMaintenance( wiki, script, ...args ) {
	const result = spawnSync( 'php', maintenanceArgs( wiki, path.join( repoRoot, 'scripts/wiki', script ), ...args ), {
		cwd: wiki.code, env: phpEnv( wiki ), encoding: 'utf8'
	} );
	if ( result.status !== 0 ) {
		throw new Error( `${ script } failed on ${ wiki.version }: ${ result.stdout }${ result.stderr }` );
	}
	return result.stdout;
}

/**
 * The title of the page shown, from its address (`?title=` or `/index.php/Title`), with
 * underscores as MediaWiki writes them.
 *
 * @param {import('playwright-core').Page} page
 * @return {string}
 */
export function shownTitle( page ) {
	const address = new URL( page.url() );
	return address.searchParams.get( 'title' ) || decodeURIComponent( address.pathname.replace( /^\/index\.php\//, '' ) );
}

/**
 * Loses the answer to one API request on the way back, as a dropped connection does: the
 * request reaches the wiki, which does what it asks, and the browser hears nothing.
 *
 * @param {import('playwright-core').Page} page
 * @param {Object} wiki
 * @param {string} action e.g. 'createaccount'
 * @param {number} [nth] which request of that action, counting from 1
 * @return {Promise<() => Promise<void>>} puts the connection back
 */
export async function loseAnswer( page, wiki, action, nth = 1 ) {
	let seen = 0;
	const pattern = new RegExp( `(^|&)action=${ action }(&|$)` );
	const handler = async ( route ) => {
		if ( pattern.test( route.request().postData() || '' ) && ++seen === nth ) {
			await route.fetch();
			await route.abort( 'internetdisconnected' );
			return;
		}
		await route.continue();
	};
	await page.route( `${ wiki.api }*`, handler );
	return () => page.unroute( `${ wiki.api }*`, handler );
}

/**
 * Clicks "Create accounts in a batch" and waits for its panel. (A first click that seemed to open
 * nothing right after a reload was a panel waiting for an idle period: see
 * idleCallbacksWaitAtMostASecond.)
 *
 * @param {import('playwright-core').Page} page
 */
export async function openBatchPanel( page ) {
	const en = gadgetMessages( 'create-account', 'en' );
	const link = page.getByRole( 'link', { name: en[ 'link-create-batch' ] } );
	const title = page.getByRole( 'dialog' ).getByText( en[ 'title-batch' ] );
	await link.click();
	await title.waitFor();
	await panelSettled( page );
}

let nameCounter = 0;

/**
 * A username nobody has yet.
 *
 * @param {string} prefix
 * @return {string}
 */
export function freshName( prefix ) {
	return `${ prefix } ${ Date.now().toString( 36 ) }${ ++nameCounter }`;
}

/** @return {string} a password the wikis accept for a new account */
export function newPassword() {
	return `Fresh-${ Math.random().toString( 36 ).slice( 2 ) }-Passw0rd`;
}

/**
 * Types a name and password into the open login panel.
 *
 * @param {import('playwright-core').Page} page
 * @param {{name: string, password: string}} account
 * @param {string} [password]
 */
export async function fillLoginPanel( page, account, password = account.password ) {
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( account.name );
	await dialog.getByLabel( 'Password', { exact: true } ).fill( password );
}

/**
 * Fills in the open sign-up panel, answering ConfirmEdit's question if the wiki asks it.
 *
 * @param {import('playwright-core').Page} page
 * @param {{name: string, password: string, email?: string}} account
 */
export async function fillSignupPanel( page, { name, password, email } ) {
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( name );
	await dialog.getByLabel( 'Password', { exact: true } ).fill( password );
	await dialog.getByLabel( /^Retype password/ ).fill( password );
	if ( email ) {
		await dialog.getByRole( 'textbox', { name: 'Email' } ).fill( email );
	}
	await answerCaptcha( page );
}

/**
 * The latest revision of a page: who made it and its wikitext.
 *
 * @param {Visit} visit
 * @param {string} title
 * @return {Promise<{user: string, content: string}>}
 */
export async function latestRevision( visit, title ) {
	const answer = await visit.api( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|content', rvslots: 'main' } );
	const revision = answer.query.pages[ 0 ].revisions[ 0 ];
	return { user: revision.user, content: revision.slots.main.content };
}
