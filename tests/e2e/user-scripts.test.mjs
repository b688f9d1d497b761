// The user-script route: the files published by `deploy --user-scripts` to Olivia's subpages on
// one wiki, used from one line in Peggy's common.js on another wiki, whose
// MediaWiki:Gadgets-definition has none of our gadgets for the while. In a ring, so that every
// wiki hosts once and is used once (1.39 → 1.43 → 1.45 → 1.39). Emails are read back from the
// wiki being used.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Mwn } from 'mwn';
import { inVisit, wikis, accounts, Mailbox, gadgetMessages, panelSettled, browserForSuite, sendEmailInPanel, solveSum } from './helpers.mjs';
import { deploy, definitionPage } from '../../scripts/deploy.mjs';
import { blockStart, blockEnd, userScriptsDir } from '../../scripts/build/gadgets.mjs';
import { allWikis } from '../../scripts/wiki/wikis.mjs';

const { scriptHost: olivia, usesScripts: peggy, emailable: bob, resetByName: grace, admin } = accounts;

/** The line a person puts into their common.js, for the files on `host`. */
function line( host, tools = '' ) {
	const url = `${ host.server }/index.php?title=User:${ olivia.name }/account-gadgets.js&action=raw&ctype=text/javascript${ tools }`;
	return `mw.loader.load( '${ url }' );\n`;
}

/** Peggy's own common.js on the wiki of this visit, through the API as she would save it. */
async function putInCommonJs( visit, text ) {
	const edit = { action: 'edit', title: `User:${ peggy.name }/common.js`, text, summary: 'account-gadgets line' };
	let answer = await visit.api( { ...edit, token: await visit.token() }, { method: 'POST' } );
	if ( answer.edit && answer.edit.captcha ) {
		// The line adds an address, and ConfirmEdit asks about edits that add links (its default):
		// Peggy answers, as she would on the edit page.
		const { id, question } = answer.edit.captcha;
		answer = await visit.api( { ...edit, captchaid: id, captchaword: String( solveSum( question ) ), token: await visit.token() }, { method: 'POST' } );
	}
	assert.equal( answer.edit && answer.edit.result, 'Success', JSON.stringify( answer ) );
}

/**
 * Peggy on the visit's wiki, with `text` as her common.js (and `options` as her preferences), on
 * `title` once `ready` holds.
 */
async function asPeggyWith( visit, text, title, ready, options = null ) {
	await visit.logIn( peggy );
	if ( options ) {
		await visit.setOptions( options );
	}
	await putInCommonJs( visit, text );
	await visit.open( title );
	await visit.page.waitForFunction( ready );
}

/** Clicks a link a stub added (wherever the skin's menu keeps it) and waits for its panel. */
async function openPanelFrom( page, link ) {
	await page.locator( link ).first().evaluate( ( node ) => node.click() );
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
}

/** Publishes the user-script files to Olivia's subpages on `wiki`, as `deploy --user-scripts`. */
function publish( wiki, options = {} ) {
	return deploy( {
		apiUrl: wiki.api, username: `${ olivia.name }@${ olivia.botPassword.appId }`, password: olivia.botPassword.password,
		userScripts: true, log: () => {}, ...options
	} );
}

/** The wiki's interface admin, for taking our block out of the definition and putting it back. */
async function adminBot( wiki ) {
	const bot = new Mwn( { apiUrl: wiki.api, silent: true, defaultParams: { maxlag: undefined } } );
	await bot.login( { username: `${ admin.name }@${ admin.botPassword.appId }`, password: admin.botPassword.password } );
	return bot;
}

/** Requests of this visit to the other wiki, as paths: only our files may be fetched from there. */
function requestsTo( visit, wiki ) {
	return visit.requests.filter( ( request ) => request.url.startsWith( wiki.server ) ).map( ( request ) => decodeURIComponent( request.url ) );
}

function filesFrom( visit, host ) {
	return requestsTo( visit, host ).map( ( url ) => ( /User:Olivia\/(account-gadgets[^&]*\.js)/.exec( url ) || [ url ] )[ 1 ] || url );
}

// Each wiki hosts the files once and uses another's once: a ring over all of them.
const pairs = wikis.map( ( host ) => [ host, allWikis[ ( allWikis.indexOf( host ) + 1 ) % allWikis.length ] ] );
for ( const [ host, used ] of pairs ) {
	describe( `user scripts: hosted on MediaWiki ${ host.version }, used on ${ used.version } without the gadgets`, () => {
		const suiteBrowser = browserForSuite();
		let definition = null;

		before( async () => {
			await publish( host );
			// The wiki being used has none of our gadgets while these tests run.
			const bot = await adminBot( used );
			definition = ( await bot.read( definitionPage ) ).revisions[ 0 ].content;
			const start = definition.indexOf( blockStart );
			const end = definition.indexOf( blockEnd ) + blockEnd.length;
			await bot.save( definitionPage, definition.slice( 0, start ) + definition.slice( end ), 'test: without account-gadgets' );
		} );

		after( async () => {
			if ( definition !== null ) {
				await ( await adminBot( used ) ).save( definitionPage, definition, 'test: account-gadgets back' );
			}
		} );

		test( 'Peggy emails Bob from the panel: the wiki being used sends it, from her; the panel loads only on first use', async ( t ) => {
			await inVisit( t, suiteBrowser(), used, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( used );
				await asPeggyWith( visit, line( host ), `User:${ bob.name }`, () => window.accountGadgetsEmailUser && window.accountGadgetsPasswordCheck );
				assert.equal( await page.evaluate( () => mw.loader.getState( 'ext.gadget.email-user-panel' ) ), null, 'no gadget module here' );
				assert.deepEqual( filesFrom( visit, host ), [ 'account-gadgets.js', 'account-gadgets-all.js' ], 'a page view loads the loader and the stubs only' );
				await openPanelFrom( page, '#p-tb a[href*="EmailUser"], #t-emailuser a' );
				assert.deepEqual( filesFrom( visit, host ), [ 'account-gadgets.js', 'account-gadgets-all.js', 'account-gadgets-email-user-panel.js' ] );
				const subject = `Across wikis ${ host.version }→${ used.version } ${ Date.now() }`;
				const mails = await sendEmailInPanel( page, mailbox, { subject, message: 'Sent with the tools from common.js.' } );
				assert.equal( mails.length, 1 );
				assert.equal( mails[ 0 ].to, bob.email );
				assert.match( mails[ 0 ].raw, new RegExp( peggy.email ), 'from Peggy' );
				assert.equal( visit.apiRequests( { action: 'emailuser' } ).length, 1, 'sent through the wiki being used' );
				assert.ok( requestsTo( visit, host ).every( ( url ) => !url.includes( 'api.php' ) ), 'no request to the hosting wiki\'s API' );
			} );
		} );

		test( 'Peggy checks a password: validatepassword goes to the wiki being used', async ( t ) => {
			const en = gadgetMessages( 'password-check', 'en' );
			await inVisit( t, suiteBrowser(), used, async ( visit ) => {
				const { page } = visit;
				await asPeggyWith( visit, line( host ), 'Main Page', () => window.accountGadgetsPasswordCheck );
				await openPanelFrom( page, '#t-passwordcheck a' );
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( 'Correct-Horse-Battery-9' );
				await page.locator( '[data-validity="Good"]' ).waitFor();
				assert.ok( visit.apiRequests( { action: 'validatepassword' } ).length >= 1 );
				assert.ok( requestsTo( visit, host ).every( ( url ) => !url.includes( 'api.php' ) ), 'no request to the hosting wiki\'s API' );
			} );
		} );

		test( 'Peggy sends a password reset as a helper: Grace gets it from the wiki being used', async ( t ) => {
			const en = gadgetMessages( 'password-reset', 'en' );
			await inVisit( t, suiteBrowser(), used, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( used );
				await asPeggyWith( visit, line( host ), `User:${ grace.name }`, () => window.accountGadgetsPasswordResetHelper );
				await openPanelFrom( page, '#t-passwordreset a' );
				await page.getByRole( 'button', { name: en.send } ).click();
				await page.getByText( gadgetMessages( 'password-reset', 'en' ).sent ).waitFor();
				const mails = await mailbox.newMail();
				assert.equal( mails.length, 1 );
				assert.equal( mails[ 0 ].to, grace.email );
			} );
		} );

		test( 'choosing one tool loads only that tool\'s stub (names that are not tools are ignored)', async ( t ) => {
			await inVisit( t, suiteBrowser(), used, async ( visit ) => {
				const { page } = visit;
				await asPeggyWith( visit, line( host, '&tools=password-check,constructor,no-such-tool' ), `User:${ bob.name }`,
					() => window.accountGadgetsPasswordCheck );
				await page.waitForLoadState( 'networkidle' );
				assert.deepEqual( filesFrom( visit, host ), [ 'account-gadgets.js', 'account-gadgets-password-check.js' ] );
				assert.deepEqual( await page.evaluate( () => [ !!window.accountGadgetsEmailUser, !!window.accountGadgetsPasswordResetHelper ] ), [ false, false ] );
			} );
		} );
	} );
}

for ( const wiki of wikis ) {
	describe( `user scripts and gadgets together on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		before( () => publish( wiki ) );

		test( 'deploy --user-scripts: Olivia\'s own subpages; a second run edits nothing; a page changed by hand is listed by a dry run and put back', async () => {
			const lines = [];
			assert.deepEqual( await publish( wiki, { log: ( text ) => lines.push( text ) } ), [] );
			assert.deepEqual( lines, [ 'every page is up to date' ] );
			const bot = await adminBot( wiki );
			const history = await bot.query( { prop: 'revisions', titles: `User:${ olivia.name }/account-gadgets.js`, rvprop: 'user' } );
			assert.equal( history.query.pages[ 0 ].revisions[ 0 ].user, olivia.name, 'saved by Olivia, as her own page' );
			await bot.save( `User:${ olivia.name }/account-gadgets-email-user.js`, '/* changed by hand */', 'test' );
			assert.deepEqual( await publish( wiki, { dryRun: true } ), [ `User:${ olivia.name }/account-gadgets-email-user.js` ] );
			assert.deepEqual( await publish( wiki ), [ `User:${ olivia.name }/account-gadgets-email-user.js` ] );
		} );

		test( 'a gadget switched on and the common.js line: one link, one panel', async ( t ) => {
			const en = gadgetMessages( 'password-check', 'en' );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await asPeggyWith( visit, line( wiki ), 'Main Page', () => window.accountGadgetsPasswordCheck && window.accountGadgetsScripts,
					{ 'gadget-password-check': 1 } );
				await page.waitForLoadState( 'networkidle' );
				assert.equal( await page.locator( 'a', { hasText: en[ 'link-check' ] } ).count(), 1, 'one "Check a password"' );
				await openPanelFrom( page, '#t-passwordcheck a' );
				assert.equal( await page.locator( '.account-gadgets-panel' ).count(), 1, 'one panel' );
			} );
			// Peggy's preferences and common.js as they were, for the other tests.
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( peggy );
				await visit.setOptions( { 'gadget-password-check': 0 } );
				await putInCommonJs( visit, '' );
			} );
		} );
	} );
}

for ( const wiki of wikis ) {
	describe( `user scripts hosted on a static web server, used on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();
		let server = null;
		let origin = '';

		before( async () => {
		// The built files as they are, served by a plain web server on this machine.
			server = createServer( ( request, response ) => {
				const file = path.join( userScriptsDir, path.basename( new URL( request.url, 'http://x' ).pathname ) );
				if ( !existsSync( file ) ) {
					response.writeHead( 404 ).end();
					return;
				}
				response.writeHead( 200, { 'Content-Type': 'text/javascript; charset=utf-8' } ).end( readFileSync( file ) );
			} );
			await new Promise( ( resolve ) => {
				server.listen( 0, '127.0.0.1', resolve );
			} );
			origin = `http://127.0.0.1:${ server.address().port }`;
		} );
		after( () => server && server.close() );

		test( 'the line can point anywhere: the stub and, on first use, the panel come from there', async ( t ) => {
			const en = gadgetMessages( 'password-check', 'en' );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await asPeggyWith( visit, `mw.loader.load( '${ origin }/account-gadgets.js?tools=password-check' );\n`, 'Main Page',
					() => window.accountGadgetsPasswordCheck );
				await openPanelFrom( page, '#t-passwordcheck a' );
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( 'Correct-Horse-Battery-9' );
				await page.locator( '[data-validity="Good"]' ).waitFor();
				const fromServer = visit.requests.filter( ( request ) => request.url.startsWith( origin ) ).map( ( request ) => new URL( request.url ).pathname );
				assert.deepEqual( fromServer, [ '/account-gadgets.js', '/account-gadgets-password-check.js', '/account-gadgets-password-check-panel.js' ] );
				await putInCommonJs( visit, '' );
			} );
		} );
	} );
}
