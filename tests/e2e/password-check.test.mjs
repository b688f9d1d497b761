// The live password check and the change-password panel, on every local wiki.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inVisit, wikis, accounts, Visit, overrideSettings, gadgetMessages, panelSettled, browserForSuite, totp } from './helpers.mjs';

const { sender: carol, changesPassword: judy, twoFactor: kim } = accounts;

const messages = ( language ) => gadgetMessages( 'password-check', language );
const en = messages( 'en' );
const links = { en: [ 'Check a password', 'Change password' ], ru: [ 'Проверить пароль' ], uk: [ 'Перевірити пароль' ], tr: [ 'Parola denetle' ] };

async function openCheck( visit, language = 'en' ) {
	await visit.logIn( carol );
	await visit.setOptions( { 'gadget-password-check': 1 } );
	await visit.open( 'Main Page', { useskin: 'vector', uselang: language } );
	await visit.page.getByRole( 'link', { name: links[ language ][ 0 ] } ).click();
	await visit.page.getByRole( 'dialog' ).waitFor();
}

async function openChange( visit, person, { loggedIn = false } = {} ) {
	if ( !loggedIn ) {
		await visit.logIn( person );
	}
	await visit.setOptions( { 'gadget-password-check': 1 } );
	await visit.open( 'Main Page', { useskin: 'vector' } );
	await visit.page.getByRole( 'link', { name: links.en[ 1 ] } ).click();
	await visit.page.getByRole( 'dialog' ).waitFor();
	await panelSettled( visit.page );
}

/** The verdict beside a password field, once the check for its value has come back. */
async function verdict( page, label ) {
	const field = page.locator( '.oo-ui-fieldLayout', { has: page.getByLabel( label, { exact: true } ) } );
	const box = field.locator( '.account-gadgets-password-verdict[data-validity]' );
	await box.waitFor();
	return { validity: await box.getAttribute( 'data-validity' ), text: await box.textContent() };
}

function assertNoPasswordInUrls( visit, ...passwords ) {
	for ( const request of visit.requests ) {
		for ( const password of passwords ) {
			assert.ok( !request.url.includes( password ) && !request.url.includes( encodeURIComponent( password ) ), `no password in ${ request.url }` );
		}
	}
	assert.ok( visit.apiRequests( { action: 'validatepassword' } ).every( ( request ) => request.method === 'POST' ), 'validation is always POSTed' );
}

async function canLogIn( browser, wiki, name, password ) {
	const visit = await new Visit( browser, wiki ).start();
	try {
		const answer = await visit.api( {
			action: 'clientlogin', username: name, password, logintoken: await visit.token( 'login' ), loginreturnurl: wiki.server
		}, { method: 'POST' } );
		return answer.clientlogin.status === 'PASS';
	} finally {
		await visit.close();
	}
}

/** Puts Judy's password back to the one in accounts.json, through the API. */
async function restorePassword( browser, wiki, current ) {
	const visit = await new Visit( browser, wiki ).start();
	try {
		await visit.logIn( { name: judy.name, password: current } );
		const answer = await visit.api( {
			action: 'changeauthenticationdata', changeauthrequest: 'MediaWiki\\Auth\\PasswordAuthenticationRequest',
			password: judy.password, retype: judy.password, changeauthtoken: await visit.token()
		}, { method: 'POST' } );
		assert.equal( answer.changeauthenticationdata.status, 'success' );
	} finally {
		await visit.close();
	}
}

for ( const wiki of wikis ) {
	describe( `password-check on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();

		test( 'a weak password shows the wiki\'s own policy message; a strong one shows Good', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openCheck( visit );
				const password = page.getByLabel( en[ 'new-password-label' ], { exact: true } );
				await password.fill( 'iloveyou' );
				const weak = await verdict( page, en[ 'new-password-label' ] );
				assert.ok( [ 'Change', 'Invalid' ].includes( weak.validity ), weak.validity );
				assert.match( weak.text, /commonly used/ );
				await password.fill( 'Correct-Horse-Battery-9' );
				await page.locator( '[data-validity="Good"]' ).waitFor();
				assert.match( ( await verdict( page, en[ 'new-password-label' ] ) ).text, new RegExp( en[ 'password-good' ] ) );
				assert.equal( await password.getAttribute( 'autocomplete' ), 'new-password' );
				assertNoPasswordInUrls( visit, 'iloveyou', 'Correct-Horse-Battery-9' );
				assert.deepEqual( visit.scriptErrors(), [] );
			} );
		} );

		test( 'a password equal to the username is flagged once the username is given', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openCheck( visit );
				await page.getByLabel( en[ 'username-label' ] ).fill( 'Newbie12345' );
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( 'Newbie12345' );
				await page.getByText( /must not appear within your username|cannot be the same as your username/ ).waitFor();
				assertNoPasswordInUrls( visit, 'Newbie12345' );
			} );
		} );

		test( 'show and hide, and a retype that does not match is flagged with no request', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openChange( visit, carol );
				const newPassword = page.getByLabel( en[ 'new-password-label' ], { exact: true } );
				await newPassword.fill( 'Correct-Horse-Battery-9' );
				await page.locator( '[data-validity="Good"]' ).waitFor();
				await page.getByRole( 'button', { name: en[ 'password-show' ] } ).first().click();
				assert.equal( await newPassword.getAttribute( 'type' ), 'text' );
				const asked = visit.apiRequests( { action: 'validatepassword' } ).length;
				await page.getByLabel( en[ 'retype-label' ] ).fill( 'Correct-Horse-Battery-8' );
				await page.getByText( en[ 'password-mismatch' ] ).waitFor();
				await page.waitForTimeout( 600 );
				assert.equal( visit.apiRequests( { action: 'validatepassword' } ).length, asked, 'the retype is compared without asking the wiki' );
				await page.getByLabel( en[ 'retype-label' ] ).fill( 'Correct-Horse-Battery-9' );
				await page.getByText( en[ 'password-mismatch' ] ).waitFor( { state: 'detached' } );
			} );
		} );

		test( 'changing the password in the panel: the new one logs in, the old one no longer does', async ( t ) => {
			const newPassword = `New-${ wiki.id }-Password-${ Date.now() }`;
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await openChange( visit, judy );
				assert.equal( await page.getByLabel( en[ 'current-password-label' ] ).count(), 0, 'no fresh login needed yet' );
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( newPassword );
				await page.getByLabel( en[ 'retype-label' ] ).fill( newPassword );
				await page.getByRole( 'button', { name: en.change } ).click();
				await page.getByText( en.changed ).waitFor();
				assertNoPasswordInUrls( visit, newPassword );
			} );
			assert.equal( await canLogIn( suiteBrowser(), wiki, judy.name, newPassword ), true, 'the new password works' );
			// A failed login on purpose: ConfirmEdit's failed-login count is left alone for it.
			const restore = overrideSettings( wiki, { wgCaptchaTriggers: { badlogin: false, badloginperuser: false } } );
			try {
				assert.equal( await canLogIn( suiteBrowser(), wiki, judy.name, judy.password ), false, 'the old one does not' );
			} finally {
				restore();
			}
			await restorePassword( suiteBrowser(), wiki, newPassword );
		} );

		test( 'after the reauthentication window, the panel asks for the current password first', async ( t ) => {
			const newPassword = `Fresh-${ wiki.id }-Password-${ Date.now() }`;
			// The wrong current password is a failed login: ConfirmEdit's count is left alone for it.
			const restore = overrideSettings( wiki, {
				wgReauthenticateTime: { default: 1 }, wgCaptchaTriggers: { badlogin: false, badloginperuser: false }
			} );
			try {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const { page } = visit;
					await visit.logIn( judy );
					// The login is now older than the (shortened) window.
					await page.waitForTimeout( 2100 );
					await openChange( visit, judy, { loggedIn: true } );
					const current = page.getByLabel( en[ 'current-password-label' ] );
					await current.waitFor();
					assert.equal( await current.getAttribute( 'autocomplete' ), 'current-password' );
					await current.fill( 'not-the-password' );
					await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( newPassword );
					await page.getByLabel( en[ 'retype-label' ] ).fill( newPassword );
					await page.getByRole( 'button', { name: en.change } ).click();
					await page.getByRole( 'alert' ).getByText( en[ 'reauth-failed' ] ).waitFor();
					assert.equal( await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).inputValue(), newPassword, 'nothing typed is lost' );

					await current.fill( judy.password );
					await page.getByRole( 'button', { name: en.change } ).click();
					await page.getByText( en.changed ).waitFor();
					assertNoPasswordInUrls( visit, newPassword, judy.password, 'not-the-password' );
				} );
			} finally {
				restore();
			}
			assert.equal( await canLogIn( suiteBrowser(), wiki, judy.name, newPassword ), true );
			await restorePassword( suiteBrowser(), wiki, newPassword );
		} );

		test( 'after the reauthentication window, a step the panel cannot show: the wiki\'s own page, and the password unchanged', async ( t ) => {
			const restoreSettings = overrideSettings( wiki, { wgReauthenticateTime: { default: 1 }, accountGadgetsHandOverProvider: true } );
			t.after( restoreSettings );
			const unchanged = `Unchanged-${ wiki.id }-Password-${ Date.now() }`;
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				// Logged in before the test's provider was there, as a person whose wiki added one later.
				const restore = overrideSettings( wiki, { accountGadgetsHandOverProvider: false } );
				await visit.logIn( judy );
				restore();
				await page.waitForTimeout( 2100 );
				await openChange( visit, judy, { loggedIn: true } );
				await page.getByLabel( en[ 'current-password-label' ] ).fill( judy.password );
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( unchanged );
				await page.getByLabel( en[ 'retype-label' ] ).fill( unchanged );
				await page.getByRole( 'button', { name: en.change } ).click();
				const alert = page.getByRole( 'alert' );
				await alert.getByText( en[ 'reauth-elsewhere' ] ).waitFor();
				assert.equal( await alert.getByText( en[ 'reauth-failed' ] ).count(), 0, 'not "not accepted": the password was right' );
				const link = alert.getByRole( 'link', { name: en[ 'reauth-elsewhere-continue' ] } );
				const target = new URL( await link.getAttribute( 'href' ), wiki.server );
				assert.match( decodeURIComponent( target.pathname + target.search ), /Special:ChangePassword/ );
				assert.ok( target.searchParams.get( 'returnto' ), 'and back here afterwards' );
				assert.equal( await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).inputValue(), unchanged, 'nothing typed is lost' );
				assert.equal( visit.apiRequests( { action: 'changeauthenticationdata' } ).length, 0 );
				assertNoPasswordInUrls( visit, judy.password, unchanged );
			} );
			restoreSettings();
			assert.equal( await canLogIn( suiteBrowser(), wiki, judy.name, judy.password ), true, 'the password is as it was' );
		} );

		test( 'after the reauthentication window, two-factor: the current password, then the code step in the panel, then the change', async ( t ) => {
			t.after( overrideSettings( wiki, { wgReauthenticateTime: { default: 1 } } ) );
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				await visit.logIn( kim );
				await page.waitForTimeout( 2100 );
				await openChange( visit, kim, { loggedIn: true } );
				await page.getByLabel( en[ 'current-password-label' ] ).fill( kim.password );
				// Kim keeps her password (the accounts stay as printed): the change itself is what is proven.
				await page.getByLabel( en[ 'new-password-label' ], { exact: true } ).fill( kim.password );
				await page.getByLabel( en[ 'retype-label' ] ).fill( kim.password );
				await page.getByRole( 'button', { name: en.change } ).click();
				await page.getByRole( 'alert' ).getByText( en[ 'reauth-more' ] ).waitFor();
				const code = page.getByRole( 'dialog' ).getByRole( 'textbox', { name: /Two-factor token/ } );
				await code.waitFor();
				// The code of the next 30 seconds: OATHAuth takes each code once, and the login used this one.
				await code.fill( totp( kim.totpSecret, Date.now() + 30000 ) );
				await page.getByRole( 'button', { name: en.change } ).click();
				await page.getByText( en.changed ).waitFor();
				// The code went to the wiki as the second step of the re-authentication.
				assert.equal( visit.apiRequests( { action: 'clientlogin' } ).filter( ( request ) => /(^|&)OATHToken=\d{6}/.test( request.postData ) ).length, 1 );
				assertNoPasswordInUrls( visit, kim.password );
			} );
		} );

		for ( const language of [ 'ru', 'uk', 'tr' ] ) {
			test( `the check speaks ${ language }`, async ( t ) => {
				await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
					const texts = messages( language );
					await openCheck( visit, language );
					await visit.page.getByText( texts[ 'check-title' ] ).first().waitFor();
					await visit.page.getByLabel( texts[ 'new-password-label' ], { exact: true } ).fill( 'Correct-Horse-Battery-9' );
					await visit.page.getByText( texts[ 'password-good' ] ).waitFor();
				} );
			} );
		}
	} );
}
