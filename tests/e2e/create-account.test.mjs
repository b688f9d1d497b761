// Creating accounts from the in-page panel on every local wiki: signing up (also in the middle of
// an edit, through a network failure), for someone else with an emailed temporary password, and in
// batches with the real emails read back. ConfirmEdit keeps its default triggers, so every sign-up
// by a visitor answers its question, as a person on such a wiki does.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, Mailbox, overrideSettings, gadgetMessages, panelSettled, browserForSuite, Visit, openFromMinervaMenu,
	loggedInAs, assertNoPasswordInUrls, answerCaptcha, shownTitle, solveSum, loseAnswer, openBatchPanel,
	freshName, newPassword, fillSignupPanel as fillSignup
} from './helpers.mjs';

const { admin, emailable: bob } = accounts;
const en = gadgetMessages( 'create-account', 'en' );

/** A reader who is not logged in clicks "Create account" where they are. */
async function openSignup( page ) {
	await page.waitForFunction( () => window.accountGadgetsLoggedOut );
	await page.evaluate( () => document.querySelector( '#pt-createaccount a, a#pt-createaccount, #pt-createaccount-2 a' ).click() );
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
}

function dialogOf( page ) {
	return page.getByRole( 'dialog' );
}

async function nameVerdict( page, status ) {
	await dialogOf( page ).locator( `.account-gadgets-name-verdict[data-name-status="${ status }"]` ).waitFor();
}

function submit( page, label = en.submit ) {
	return dialogOf( page ).getByRole( 'button', { name: label, exact: true } ).click();
}

/**
 * A visitor signs up on the Main Page, and the createaccount request reaches the wiki, which makes
 * the account, but its answer never comes back: the panel says the wiki could not be reached, and
 * the connection is back for the next try.
 */
async function signUpAndLoseTheAnswer( visit, wiki, name, password ) {
	const { page } = visit;
	await visit.open( 'Main Page', { useskin: 'vector' } );
	await openSignup( page );
	await fillSignup( page, { name, password } );
	await nameVerdict( page, 'available' );
	const reconnect = await loseAnswer( page, wiki, 'createaccount' );
	await submit( page );
	await page.getByRole( 'alert' ).getByText( en[ 'error-network' ] ).waitFor();
	await panelSettled( page );
	await reconnect();
}

/** Logs in with the API in a fresh context: proves the account and password are real. */
async function canLogIn( browser, wiki, name, password ) {
	const visit = await new Visit( browser, wiki ).start();
	try {
		await visit.logIn( { name, password } );
		return true;
	} catch {
		return false;
	} finally {
		await visit.close();
	}
}

/** Who created an account, from the wiki's creation log. */
async function creatorOf( visit, name ) {
	const log = await visit.api( { action: 'query', list: 'logevents', letype: 'newusers', letitle: `User:${ name }` } );
	return log.query.logevents.map( ( entry ) => entry.user );
}

for ( const wiki of wikis ) {
	describe( `create-account on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		test( 'a logged-out visitor signs up with a password, by keyboard: logged in, and the account logs in again later', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Signup' );
				const password = newPassword();
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.locator( '#pt-createaccount a' ).focus();
				await page.keyboard.press( 'Enter' );
				await dialogOf( page ).waitFor();
				await panelSettled( page );
				// Focus starts in the first field; typing and Enter are all it takes.
				await page.keyboard.type( name );
				await nameVerdict( page, 'available' );
				await fillSignup( page, { name, password, email: 'signup@example.test' } );
				await dialogOf( page ).locator( '[data-validity]' ).waitFor();
				await Promise.all( [ page.waitForNavigation(), dialogOf( page ).getByLabel( /^Retype password/ ).press( 'Enter' ) ] );
				await loggedInAs( visit, name );
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 1 );
				assertNoPasswordInUrls( visit, password );
				assert.ok( await canLogIn( suiteBrowser(), wiki, name, password ), 'the new account logs in with its password' );
			} );
		} );

		test( 'signing up in the middle of an edit keeps the text, and Save makes a revision by the new user', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Editor' );
				const title = `Signup test: edit ${ Date.now() }`;
				const text = `Written before signing up, ${ Date.now() }.`;
				await visit.open( title, { action: 'edit', useskin: 'vector' } );
				await page.locator( '#wpTextbox1' ).fill( text );
				await openSignup( page );
				await fillSignup( page, { name, password: newPassword() } );
				await nameVerdict( page, 'available' );
				await submit( page );
				await page.getByRole( 'status' ).getByText( `Your account ${ name } has been created`, { exact: false } ).waitFor();
				assert.equal( await page.locator( '#wpTextbox1' ).inputValue(), text );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				const revisions = await visit.api( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|content', rvslots: 'main' } );
				const revision = revisions.query.pages[ 0 ].revisions[ 0 ];
				assert.equal( revision.user, name );
				assert.equal( revision.slots.main.content, text );
			} );
		} );

		test( 'an admin creates an account for someone with an emailed temporary password', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				const name = freshName( 'Guest' );
				const email = `${ name.replace( /\W/g, '' ).toLowerCase() }@example.test`;
				await visit.logIn( admin );
				await visit.setOptions( { 'gadget-create-account': 1 } );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.getByRole( 'link', { name: 'Create an account', exact: true } ).click();
				await dialogOf( page ).getByText( en[ 'title-other' ] ).waitFor();
				await panelSettled( page );
				const dialog = dialogOf( page );
				assert.equal( await dialog.getByRole( 'checkbox', { name: /temporary random password/ } ).isChecked(), true );
				assert.equal( await dialog.getByLabel( 'Password', { exact: true } ).isVisible(), false, 'nobody types a password' );
				await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( name );
				await dialog.getByRole( 'textbox', { name: 'Email' } ).fill( email );
				await dialog.getByRole( 'textbox', { name: /^Reason/ } ).fill( 'Workshop participant' );
				await nameVerdict( page, 'available' );
				await submit( page );
				await dialog.getByRole( 'status' ).getByText( /has been created, and a temporary password has been emailed/ ).waitFor();
				await dialog.getByRole( 'link', { name } ).waitFor();
				const mails = await mailbox.newMail();
				assert.equal( mails.length, 1 );
				assert.equal( mails[ 0 ].to, email );
				assert.match( mails[ 0 ].text, /password/i );
				assert.deepEqual( await creatorOf( visit, name ), [ admin.name ] );
				assert.equal( visit.apiRequests( { action: 'createaccount', assertuser: admin.name } ).length, 1 );
			} );
		} );

		test( 'a taken name and an invalid name are flagged before submit, with no createaccount request', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				for ( const [ name, status ] of [ [ bob.name, 'taken' ], [ 'Bad#name', 'invalid' ] ] ) {
					await fillSignup( page, { name, password: newPassword() } );
					await nameVerdict( page, status );
					await submit( page );
					await page.getByRole( 'alert' ).getByText( en[ 'problem-name' ] ).waitFor();
					assert.equal( await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).inputValue(), name, 'nothing typed is lost' );
				}
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 0 );
				// Typing the name back costs no second request.
				const asked = visit.apiRequests( { list: 'users' } ).length;
				await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).fill( bob.name );
				await nameVerdict( page, 'taken' );
				assert.equal( visit.apiRequests( { list: 'users' } ).length, asked );
			} );
		} );

		test( 'with ConfirmEdit\'s default captcha on sign-up: a wrong answer fails and keeps the other fields, a right one passes', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Captcha' );
				const password = newPassword();
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password, email: 'captcha@example.test' } );
				assert.ok( await answerCaptcha( page, 1 ), 'the wiki asks its question on sign-up' );
				await submit( page );
				await page.getByRole( 'alert' ).waitFor();
				await panelSettled( page );
				const dialog = dialogOf( page );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), name );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Email' } ).inputValue(), 'captcha@example.test' );
				assert.equal( await dialog.getByLabel( 'Password', { exact: true } ).inputValue(), '', 'passwords go after a failure' );
				await dialog.getByLabel( 'Password', { exact: true } ).fill( password );
				await dialog.getByLabel( /^Retype password/ ).fill( password );
				assert.ok( await answerCaptcha( page ), 'a new question' );
				await Promise.all( [ page.waitForNavigation(), submit( page ) ] );
				await loggedInAs( visit, name );
				assertNoPasswordInUrls( visit, password );
			} );
		} );

		test( 'a sign-up step the panel cannot show: one sentence and "Continue on the sign-up page", which finishes there and comes back', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsHandOverProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Handover' );
				const password = newPassword();
				const title = `Signup test: hand over ${ Date.now() }`;
				await visit.open( title, { action: 'history', useskin: 'vector' } );
				await openSignup( page );
				const dialog = dialogOf( page );
				await dialog.getByText( en[ 'auth-elsewhere-create' ] ).waitFor();
				assert.equal( await dialog.getByRole( 'textbox' ).count(), 0, 'no form the person could not finish' );
				const link = dialog.getByRole( 'link', { name: en[ 'auth-elsewhere-continue-create' ] } );
				const target = new URL( await link.getAttribute( 'href' ), wiki.server );
				assert.equal( target.searchParams.get( 'title' ), 'Special:CreateAccount' );
				assert.equal( target.searchParams.get( 'returnto' ), title.replace( / /g, '_' ) );
				assert.equal( target.searchParams.get( 'returntoquery' ), 'action=history&useskin=vector' );
				await Promise.all( [ page.waitForNavigation(), link.click() ] );
				// The wiki's own form, with ConfirmEdit's question and the provider's field.
				await page.locator( '#wpName2' ).fill( name );
				await page.locator( '#wpPassword2' ).fill( password );
				await page.locator( '#wpRetype' ).fill( password );
				await page.locator( 'input[name=captchaWord]' ).fill( String( solveSum( await page.locator( 'form[name=userlogin2], #userlogin2' ).innerText() ) ) );
				await page.locator( 'input[name=accountGadgetsDate]' ).fill( '2026-12-02' );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpCreateaccount' ).click() ] );
				await loggedInAs( visit, name );
				if ( shownTitle( page ) !== title.replace( / /g, '_' ) ) {
					// The welcome page, with its way back to where the person was.
					await Promise.all( [ page.waitForNavigation(), page.locator( '#mw-returnto a, .mw-returnto a' ).first().click() ] );
				}
				assert.equal( shownTitle( page ), title.replace( / /g, '_' ) );
				assertNoPasswordInUrls( visit, password );
			} );
		} );

		test( 'a network failure on submit: a clear error, the fields kept, and a retry creates the account once', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Offline' );
				const password = newPassword();
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password } );
				await nameVerdict( page, 'available' );
				const cut = ( route ) => ( /action=createaccount/.test( route.request().postData() || '' ) ? route.abort( 'internetdisconnected' ) : route.continue() );
				await page.route( `${ wiki.api }*`, cut );
				await submit( page );
				await page.getByRole( 'alert' ).getByText( en[ 'error-network' ] ).waitFor();
				await panelSettled( page );
				assert.equal( await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).inputValue(), name );
				assert.equal( await dialogOf( page ).getByLabel( 'Password', { exact: true } ).inputValue(), password );
				await page.unroute( `${ wiki.api }*`, cut );
				await Promise.all( [ page.waitForNavigation(), submit( page ) ] );
				await loggedInAs( visit, name );
				const log = await visit.api( { action: 'query', list: 'logevents', letype: 'newusers', letitle: `User:${ name }` } );
				assert.equal( log.query.logevents.length, 1, 'one account' );
			} );
		} );

		test( 'a sign-up whose answer is lost after the wiki made the account: the next try ends logged in as it, one account, never "taken"', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Lost' );
				const password = newPassword();
				await signUpAndLoseTheAnswer( visit, wiki, name, password );
				await Promise.all( [ page.waitForNavigation(), submit( page ) ] );
				await loggedInAs( visit, name );
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 1, 'nothing sent twice' );
				const log = await visit.api( { action: 'query', list: 'logevents', letype: 'newusers', letitle: `User:${ name }` } );
				assert.equal( log.query.logevents.length, 1, 'one account' );
				assertNoPasswordInUrls( visit, password );
			} );
		} );

		test( 'on a wiki whose login goes through a provider elsewhere: after the sign-up the browser goes there and back, and the login panel logs in as the new account', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsRedirectProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Redirected' );
				const password = newPassword();
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password } );
				await nameVerdict( page, 'available' );
				await submit( page );
				await loggedInAs( visit, name );
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 1 );
				const resumed = visit.apiRequests( { action: 'clientlogin', logincontinue: 'true' } );
				assert.equal( resumed.length, 1, 'the login panel went on from the provider\'s answer' );
				assert.equal( new URLSearchParams( resumed[ 0 ].postData ).get( 'accountGadgetsCode' ), 'approved' );
				assert.equal( shownTitle( page ), 'Main Page', 'back on the page of the sign-up' );
				assertNoPasswordInUrls( visit, password );
			} );
		} );

		test( 'the same after a lost answer: the panel finds the account is its own, and the login goes through the provider', async ( t ) => {
			t.after( overrideSettings( wiki, { accountGadgetsRedirectProvider: true } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Redirected' );
				const password = newPassword();
				await signUpAndLoseTheAnswer( visit, wiki, name, password );
				await submit( page );
				await loggedInAs( visit, name );
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 1, 'nothing sent twice' );
				assert.equal( visit.apiRequests( { action: 'clientlogin', logincontinue: 'true' } ).length, 1 );
				assertNoPasswordInUrls( visit, password );
			} );
		} );

		test( 'ConfirmEdit asks someone without skipcaptcha who creates for others: answered for one account, and in a batch that goes on after each answer', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				// Carol is a plain user: anyone may create accounts here, and only admins skip the question.
				await visit.logIn( accounts.sender );
				await visit.setOptions( { 'gadget-create-account': 1 } );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.getByRole( 'link', { name: 'Create an account', exact: true } ).click();
				await dialogOf( page ).getByText( en[ 'title-other' ] ).waitFor();
				await panelSettled( page );
				const one = freshName( 'Guest' );
				const address = ( name ) => `${ name.replace( /\W/g, '' ).toLowerCase() }@example.test`;
				await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).fill( one );
				await dialogOf( page ).getByRole( 'textbox', { name: 'Email' } ).fill( address( one ) );
				assert.ok( await answerCaptcha( page ), 'the wiki asks its question' );
				await nameVerdict( page, 'available' );
				await submit( page );
				await dialogOf( page ).getByRole( 'status' ).getByText( /has been created, and a temporary password has been emailed/ ).waitFor();
				assert.deepEqual( await creatorOf( visit, one ), [ accounts.sender.name ] );

				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openBatchPanel( page );
				const names = [ freshName( 'Batch' ), freshName( 'Batch' ) ];
				await dialogOf( page ).getByRole( 'textbox', { name: en[ 'batch-accounts-label' ] } ).fill( names.map( ( name ) => `${ name }, ${ address( name ) }` ).join( '\n' ) );
				const table = dialogOf( page ).locator( 'table.account-gadgets-batch' );
				await table.locator( 'tr[data-status="ready"]' ).nth( 1 ).waitFor();
				await submit( page, en[ 'batch-start' ] );
				for ( let created = 1; created <= names.length; created++ ) {
					// Each account gets its own question; the batch waits for the answer, then goes on.
					await dialogOf( page ).getByText( en[ 'batch-needs-more' ] ).waitFor();
					await panelSettled( page );
					assert.ok( await answerCaptcha( page ) );
					await submit( page, en[ 'batch-continue' ] );
					await table.locator( 'tr[data-status="created"]' ).nth( created - 1 ).waitFor();
				}
				await panelSettled( page );
				const mails = ( await mailbox.newMail() ).map( ( mail ) => mail.to );
				for ( const name of [ one, ...names ] ) {
					assert.ok( mails.includes( address( name ) ), `${ name } got its email` );
				}
			} );
		} );

		test( 'a batch of 5 with a taken and an invalid name: 3 accounts, 3 emails; retrying and reloading create nothing twice', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				const names = [ freshName( 'Batch' ), freshName( 'Batch' ), freshName( 'Batch' ) ];
				const rows = [
					'username,email',
					`${ names[ 0 ] }, ${ names[ 0 ].replace( /\W/g, '' ) }@example.test`,
					`${ bob.name }, someone@example.test`,
					`${ names[ 1 ] }, ${ names[ 1 ].replace( /\W/g, '' ) }@example.test`,
					'Bad#name, bad@example.test',
					`${ names[ 2 ] }, ${ names[ 2 ].replace( /\W/g, '' ) }@example.test`
				];
				await visit.logIn( admin );
				await visit.setOptions( { 'gadget-create-account': 1 } );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openBatchPanel( page );
				await dialogOf( page ).getByRole( 'textbox', { name: en[ 'batch-accounts-label' ] } ).fill( rows.join( '\n' ) );
				const table = dialogOf( page ).locator( 'table.account-gadgets-batch' );
				await table.locator( 'tr[data-status="ready"]' ).nth( 2 ).waitFor();
				assert.equal( await table.locator( 'tr[data-status="taken"]' ).count(), 1 );
				assert.equal( await table.locator( 'tr[data-status="invalid"]' ).count(), 1 );

				// The second creation's answer is lost on the way back (the account is made, the
				// browser never hears of it); then the page is reloaded halfway through.
				const reconnect = await loseAnswer( page, wiki, 'createaccount', 2 );
				await submit( page, en[ 'batch-start' ] );
				await page.getByRole( 'alert' ).getByText( en[ 'batch-network' ] ).waitFor();
				await reconnect();
				await page.reload();
				await page.waitForFunction( () => window.accountGadgetsCreateAccount );
				await openBatchPanel( page );
				// The list is back, the row whose answer was lost is found to exist.
				await table.locator( 'tr[data-status="created"]' ).nth( 1 ).waitFor();
				await submit( page, en[ 'batch-continue' ] );
				await table.locator( 'tr[data-status="created"]' ).nth( 2 ).waitFor();
				await panelSettled( page );

				// One taken meanwhile, then "retry the failed rows": looked up, not sent again.
				assert.equal( await dialogOf( page ).getByRole( 'button', { name: en[ 'batch-retry' ] } ).isVisible(), false );
				const mails = await mailbox.newMail();
				assert.deepEqual( mails.map( ( mail ) => mail.to ).sort(), names.map( ( name ) => `${ name.replace( /\W/g, '' ) }@example.test` ).sort() );
				for ( const name of names ) {
					assert.deepEqual( await creatorOf( visit, name ), [ admin.name ], `${ name } created once, by the admin` );
				}
				assert.equal( await table.locator( 'tr[data-status="taken"]' ).count(), 1 );
				assert.equal( await table.locator( 'tr[data-status="invalid"]' ).count(), 1 );
				const sent = visit.apiRequests( { action: 'createaccount' } ).map( ( request ) => new URLSearchParams( request.postData ).get( 'username' ) );
				assert.deepEqual( sent.slice().sort(), names.slice().sort(), 'one createaccount request per created row' );
			} );
		} );

		test( 'failed rows are retried only after a fresh look, so nothing is created twice', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const [ taken, free ] = [ freshName( 'Retry' ), freshName( 'Retry' ) ];
				await visit.logIn( admin );
				await visit.setOptions( { 'gadget-create-account': 1 } );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openBatchPanel( page );
				await dialogOf( page ).getByRole( 'textbox', { name: en[ 'batch-accounts-label' ] } ).fill( `${ taken }, a@example.test\n${ free }, b@example.test` );
				const table = dialogOf( page ).locator( 'table.account-gadgets-batch' );
				await table.locator( 'tr[data-status="ready"]' ).nth( 1 ).waitFor();
				// Someone else takes the first name between the check and the creation (through
				// the API, where ConfirmEdit's question is switched off for that one request).
				const other = await new Visit( suiteBrowser(), wiki ).start();
				const restore = overrideSettings( wiki, { wgCaptchaTriggers: { createaccount: false } } );
				await other.api( {
					action: 'createaccount', username: taken, password: 'Another-Passw0rd-1', retype: 'Another-Passw0rd-1',
					createreturnurl: wiki.server, createtoken: await other.token( 'createaccount' )
				}, { method: 'POST' } ).finally( restore );
				await other.close();
				await submit( page, en[ 'batch-start' ] );
				await table.locator( 'tr[data-status="failed"]' ).waitFor();
				await table.locator( 'tr[data-status="created"]' ).waitFor();
				await panelSettled( page );
				const before = visit.apiRequests( { action: 'createaccount' } ).length;
				await dialogOf( page ).getByRole( 'button', { name: en[ 'batch-retry' ] } ).click();
				await table.locator( 'tr[data-status="taken"]' ).waitFor();
				await panelSettled( page );
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, before, 'no request for a name that exists now' );
			} );
		} );

		for ( const language of [ 'ru', 'uk', 'tr' ] ) {
			test( `the sign-up panel speaks ${ language }`, async ( t ) => {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const texts = gadgetMessages( 'create-account', language );
					await visit.open( 'Main Page', { useskin: 'vector', uselang: language } );
					await openSignup( visit.page );
					await dialogOf( visit.page ).getByText( texts[ 'title-self' ] ).first().waitFor();
					await dialogOf( visit.page ).locator( 'input' ).first().fill( bob.name );
					await dialogOf( visit.page ).getByText( texts[ 'name-taken' ] ).waitFor();
				} );
			} );
		}

		test( 'Minerva at a phone\'s size: the user menu\'s "Create account" opens a panel that fills the screen', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await openFromMinervaMenu( visit, 'Create account' );
				await dialogOf( visit.page ).getByRole( 'textbox', { name: 'Username' } ).fill( bob.name );
				await nameVerdict( visit.page, 'taken' );
			} );
		} );

		test( '"Create account" opens the panel in every skin; a middle click still goes to the special page', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				for ( const skin of [ 'vector-2022', 'vector', 'monobook', 'timeless' ] ) {
					await visit.open( 'Main Page', { useskin: skin } );
					await openSignup( page );
					await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).waitFor();
					await page.keyboard.press( 'Escape' );
					await dialogOf( page ).waitFor( { state: 'hidden' } );
				}
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				const [ popup ] = await Promise.all( [
					page.context().waitForEvent( 'page' ),
					page.locator( '#pt-createaccount a' ).click( { button: 'middle' } )
				] );
				await popup.waitForLoadState();
				assert.match( decodeURIComponent( popup.url() ), /Special:CreateAccount/ );
			} );
		} );
	} );
}
