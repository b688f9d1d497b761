// People editing under a temporary account get the logged-out entry points and plain answers, on
// every wiki that has temporary accounts: 1.45 has them on (as Wikimedia's wikis do), 1.43 has them
// off and these tests switch them on. 1.39 has none: its behaviour, and 1.43's with them off, is
// what every other test proves unchanged.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inVisit, wikis, accounts, Mailbox, overrideSettings, gadgetMessages, panelSettled, browserForSuite, answerCaptcha } from './helpers.mjs';

const { resetByName: grace, logsIn: leo, emailable: bob, sender: carol } = accounts;
const reset = gadgetMessages( 'password-reset', 'en' );
const email = gadgetMessages( 'email-user', 'en' );
const create = gadgetMessages( 'create-account', 'en' );
const login = gadgetMessages( 'login', 'en' );

/** An anonymous edit, which gives the visitor a temporary account; returns its name. */
async function becomeTemporary( visit ) {
	await visit.open( `Temporary account test ${ Date.now() }`, { action: 'edit' } );
	await visit.page.locator( '#wpTextbox1' ).fill( `An edit without an account, ${ Date.now() }.` );
	await Promise.all( [ visit.page.waitForNavigation(), visit.page.locator( '#wpSave' ).click() ] );
	await visit.page.waitForFunction( () => window.mw && mw.config.get( 'wgUserIsTemp' ) === true );
	return visit.page.evaluate( () => mw.config.get( 'wgUserName' ) );
}

function banner( page ) {
	return page.locator( '.mw-temp-user-banner-buttons' );
}

for ( const wiki of wikis.filter( ( candidate ) => candidate.temporaryAccounts ) ) {
	describe( `temporary accounts on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();
		let restore = () => {};
		before( () => {
			if ( !wiki.settings.wgAutoCreateTempUser ) {
				restore = overrideSettings( wiki, { wgAutoCreateTempUser: { enabled: true } } );
			}
		} );
		after( () => restore() );

		test( '"Forgot your password?" sits in the banner, styled like its buttons, and resets by username', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				const name = await becomeTemporary( visit );
				assert.match( name, /^~\d{4}-\d+/ );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				const forgot = banner( page ).getByRole( 'link', { name: 'Forgot your password?' } );
				assert.equal( await forgot.getAttribute( 'class' ), await banner( page ).locator( 'a#pt-login' ).getAttribute( 'class' ) );
				await forgot.click();
				await panelSettled( page );
				await page.getByRole( 'dialog' ).getByRole( 'textbox', { name: reset[ 'field-either' ] } ).fill( grace.name );
				await page.getByRole( 'dialog' ).getByRole( 'button', { name: reset.send } ).click();
				await page.getByText( reset.sent ).waitFor();
				const mails = await mailbox.newMail();
				assert.deepEqual( mails.map( ( mail ) => mail.to ), [ grace.email ] );
			} );
		} );

		test( '"Log in" in the banner opens the login panel, and the person ends up logged in', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await becomeTemporary( visit );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				await banner( page ).locator( 'a#pt-login' ).click();
				await panelSettled( page );
				const dialog = page.getByRole( 'dialog' );
				await dialog.getByText( login.title ).first().waitFor();
				await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( leo.name );
				await dialog.getByLabel( 'Password', { exact: true } ).fill( leo.password );
				await Promise.all( [ page.waitForNavigation(), dialog.getByRole( 'button', { name: login.submit, exact: true } ).click() ] );
				await page.waitForFunction( ( expected ) => window.mw && mw.config.get( 'wgUserName' ) === expected, leo.name );
			} );
		} );

		test( 'signing up from a temporary account in the middle of an edit keeps the text and saves under the new name', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await becomeTemporary( visit );
				const title = `Temporary account test: sign up ${ Date.now() }`;
				const text = `Written under a temporary account, ${ Date.now() }.`;
				const name = `Former temp ${ Date.now().toString( 36 ) }`;
				const password = `Temp-${ Math.random().toString( 36 ).slice( 2 ) }-Passw0rd`;
				await visit.open( title, { action: 'edit' } );
				await page.locator( '#wpTextbox1' ).fill( text );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				await banner( page ).locator( 'a#pt-createaccount' ).click();
				await panelSettled( page );
				const dialog = page.getByRole( 'dialog' );
				await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( name );
				await dialog.getByLabel( 'Password', { exact: true } ).fill( password );
				await dialog.getByLabel( /^Retype password/ ).fill( password );
				await answerCaptcha( page );
				await dialog.locator( '.account-gadgets-name-verdict[data-name-status="available"]' ).waitFor();
				await dialog.getByRole( 'button', { name: create.submit, exact: true } ).click();
				await page.getByRole( 'status' ).getByText( `Your account ${ name } has been created`, { exact: false } ).waitFor();
				// The banner of the temporary account goes, with its "Log in" and "Create account".
				assert.equal( await page.locator( '.mw-temp-user-banner' ).count(), 0 );
				assert.equal( await page.locator( '#pt-login, #pt-createaccount' ).count(), 0 );
				// So do its own entries, "Exit session" among them: the new account's take their place.
				assert.equal( await page.locator( '#pt-mytalk, #pt-mycontris, #pt-logout' ).count(), 0 );
				assert.equal( await page.locator( `a[href$="/User_talk:${ name.replace( / /g, '_' ) }"]` ).count(), 1 );
				assert.deepEqual( ( await page.locator( 'a[href*="Special:UserLogout"]' ).allTextContents() ).map( ( label ) => label.trim() ), [ 'Log out' ] );
				assert.equal( await page.locator( '#wpTextbox1' ).inputValue(), text );
				await Promise.all( [ page.waitForNavigation(), page.locator( '#wpSave' ).click() ] );
				const revisions = await visit.api( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|content', rvslots: 'main' } );
				assert.equal( revisions.query.pages[ 0 ].revisions[ 0 ].user, name );
				assert.equal( revisions.query.pages[ 0 ].revisions[ 0 ].slots.main.content, text );
			} );
		} );

		test( '"Email this user" tells a temporary account why not, offers sign-up, and sends nothing', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await becomeTemporary( visit );
				await visit.open( `User:${ bob.name }` );
				await page.waitForFunction( () => window.accountGadgetsLoggedOut );
				// The email-user stub's own link (core shows none to a temporary account).
				await page.locator( '#p-tb' ).getByRole( 'link', { name: 'Email this user' } ).click();
				await panelSettled( page );
				const dialog = page.getByRole( 'dialog' );
				await dialog.getByText( email[ 'obstacle-temporary' ] ).waitFor();
				await dialog.getByRole( 'button', { name: email[ 'obstacle-temporary-sign-up' ] } ).click();
				await page.getByRole( 'dialog' ).getByText( create[ 'title-self' ] ).first().waitFor();
				await page.getByRole( 'dialog' ).getByRole( 'textbox', { name: 'Username' } ).waitFor();
				assert.equal( visit.apiRequests( { action: 'emailuser' } ).length, 0 );
			} );
		} );

		test( '"Change password" is absent for a temporary account and present for a registered user', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await becomeTemporary( visit );
				// Temporary accounts have no preferences: load the gadget as a default gadget would.
				await page.evaluate( () => mw.loader.using( 'ext.gadget.password-check' ) );
				await page.waitForFunction( () => window.accountGadgetsPasswordCheck && document.getElementById( 't-passwordcheck' ) );
				assert.equal( await page.locator( '#pt-changepassword' ).count(), 0 );
			} );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				await visit.logIn( carol );
				await visit.setOptions( { 'gadget-password-check': 1 } );
				await visit.open( 'Main Page' );
				await visit.page.locator( '#pt-changepassword' ).waitFor( { state: 'attached' } );
			} );
		} );
	} );
}
