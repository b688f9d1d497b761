// The anti-abuse extensions real wikis run, met from the sign-up panels on every local wiki that
// has them: TitleBlacklist refuses a name before submit, with its own message; AbuseFilter warns
// (the same sign-up sent again goes through) or disallows (nothing typed but the passwords lost),
// by oneself, for someone else and in a batch (a disallowed row is that row's result).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	inVisit, wikis, accounts, Mailbox, gadgetMessages, panelSettled, browserForSuite, Visit, loggedInAs, answerCaptcha, openBatchPanel,
	freshName, newPassword, fillSignupPanel as fillSignup
} from './helpers.mjs';
import { hasExtension } from '../../scripts/wiki/wikis.mjs';

const { admin } = accounts;
const en = gadgetMessages( 'create-account', 'en' );
const blacklistEntry = '.*Forbiddenword.* <newaccountonly>';
// The filters this file needs, by description: found again on later runs, made once.
const filters = {
	warn: { description: 'account-gadgets test: warn on Afwarn names', prefix: 'Afwarn', action: 'wpFilterActionWarn' },
	deny: { description: 'account-gadgets test: disallow Afdeny names', prefix: 'Afdeny', action: 'wpFilterActionDisallow' }
};

function dialogOf( page ) {
	return page.getByRole( 'dialog' );
}

/**
 * As the admin, once: the TitleBlacklist entry, and each AbuseFilter filter made the way an admin
 * makes one, on Special:AbuseFilter/new.
 *
 * @param {Object} wiki
 * @param {import('playwright-core').Browser} browser
 */
async function setUpRules( wiki, browser ) {
	const visit = await new Visit( browser, wiki ).start();
	try {
		await visit.logIn( admin );
		await visit.api( { action: 'edit', title: 'MediaWiki:Titleblacklist', text: `${ blacklistEntry }\n`, token: await visit.token() }, { method: 'POST' } );
		const existing = await visit.api( { action: 'query', list: 'abusefilters', abfprop: 'description|status', abflimit: 'max' } );
		const have = existing.query.abusefilters.filter( ( filter ) => filter.enabled !== false ).map( ( filter ) => filter.description );
		for ( const filter of Object.values( filters ) ) {
			if ( have.includes( filter.description ) ) {
				continue;
			}
			const { page } = visit;
			await visit.open( 'Special:AbuseFilter/new' );
			await page.locator( 'input[name=wpFilterDescription]' ).fill( filter.description );
			await page.locator( 'textarea[name=wpFilterRules]' ).fill( `action == "createaccount" & accountname rlike "^${ filter.prefix }"` );
			await page.locator( `input[name=${ filter.action }]` ).check();
			await Promise.all( [ page.waitForNavigation(), page.locator( 'input[type=submit][value="Save filter"], button[type=submit]:has-text("Save filter")' ).first().click() ] );
		}
	} finally {
		await visit.close();
	}
}

async function openSignup( page ) {
	await page.waitForFunction( () => window.accountGadgetsLoggedOut );
	await page.evaluate( () => document.querySelector( '#pt-createaccount a, a#pt-createaccount, #pt-createaccount-2 a' ).click() );
	await dialogOf( page ).waitFor();
	await panelSettled( page );
}

function submit( page, label = en.submit ) {
	return dialogOf( page ).getByRole( 'button', { name: label, exact: true } ).click();
}

async function accountExists( visit, name ) {
	const answer = await visit.api( { action: 'query', list: 'users', ususers: name } );
	return !answer.query.users[ 0 ].missing;
}

/** The admin, with the create-account gadget on, on the Main Page. */
async function asAdmin( visit ) {
	await visit.logIn( admin );
	await visit.setOptions( { 'gadget-create-account': 1 } );
	await visit.open( 'Main Page', { useskin: 'vector' } );
}

for ( const wiki of wikis.filter( ( candidate ) => hasExtension( candidate, 'AbuseFilter' ) && hasExtension( candidate, 'TitleBlacklist' ) ) ) {
	describe( `anti-abuse extensions and the sign-up panels on MediaWiki ${ wiki.version }`, () => {
		const suiteBrowser = browserForSuite();
		before( () => setUpRules( wiki, suiteBrowser() ) );

		test( 'TitleBlacklist: a name matching a <newaccountonly> entry is refused by the live check, in the wiki\'s words, before submit', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( 'Has Forbiddenword' );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password: newPassword(), email: 'blacklisted@example.test' } );
				const verdict = dialogOf( page ).locator( '.account-gadgets-name-verdict[data-name-status="not-allowed"]' );
				await verdict.waitFor();
				// TitleBlacklist's own message (titleblacklist-forbidden-new-account), with the entry.
				assert.match( await verdict.innerText(), /has been banned from creation/ );
				assert.match( await verdict.innerText(), /Forbiddenword/ );
				await submit( page );
				await page.getByRole( 'alert' ).getByText( en[ 'problem-name' ] ).waitFor();
				assert.equal( visit.apiRequests( { action: 'createaccount' } ).length, 0 );
				assert.equal( await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).inputValue(), name );
			} );
		} );

		test( 'AbuseFilter warns: the warning shows in the panel, and sending the same again creates the account', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( filters.warn.prefix );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password: newPassword(), email: 'warned@example.test' } );
				await submit( page );
				await page.getByRole( 'alert' ).getByText( /automatically identified as harmful/ ).waitFor();
				await panelSettled( page );
				assert.equal( await accountExists( visit, name ), false, 'not yet' );
				assert.equal( await dialogOf( page ).getByRole( 'textbox', { name: 'Username' } ).inputValue(), name );
				// The warning is not a wrong password: what was typed stays, for one more click.
				assert.notEqual( await dialogOf( page ).getByLabel( 'Password', { exact: true } ).inputValue(), '' );
				await answerCaptcha( page );
				await Promise.all( [ page.waitForNavigation(), submit( page ) ] );
				await loggedInAs( visit, name );
			} );
		} );

		test( 'AbuseFilter disallows: its message shows, nothing typed but the passwords is lost, and no account is made', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const name = freshName( filters.deny.prefix );
				await visit.open( 'Main Page', { useskin: 'vector' } );
				await openSignup( page );
				await fillSignup( page, { name, password: newPassword(), email: 'denied@example.test' } );
				await submit( page );
				await page.getByRole( 'alert' ).getByText( /automatically identified as harmful, and therefore disallowed/ ).waitFor();
				await panelSettled( page );
				const dialog = dialogOf( page );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), name );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Email' } ).inputValue(), 'denied@example.test' );
				assert.equal( await dialog.getByLabel( 'Password', { exact: true } ).inputValue(), '' );
				assert.equal( await accountExists( visit, name ), false );
			} );
		} );

		test( 'AbuseFilter for someone else: the admin sees the warning and then creates the account; a disallowed one is refused', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const mailbox = new Mailbox( wiki );
				await asAdmin( visit );
				const dialog = dialogOf( page );
				const create = async ( name ) => {
					await dialog.getByRole( 'textbox', { name: 'Username' } ).fill( name );
					await dialog.getByRole( 'textbox', { name: 'Email' } ).fill( `${ name.replace( /\W/g, '' ).toLowerCase() }@example.test` );
					await dialog.locator( '.account-gadgets-name-verdict[data-name-status="available"]' ).waitFor();
					await submit( page );
				};
				await page.getByRole( 'link', { name: 'Create an account', exact: true } ).click();
				await dialog.getByText( en[ 'title-other' ] ).waitFor();
				await panelSettled( page );
				const denied = freshName( filters.deny.prefix );
				await create( denied );
				await page.getByRole( 'alert' ).getByText( /therefore disallowed/ ).waitFor();
				await panelSettled( page );
				assert.equal( await dialog.getByRole( 'textbox', { name: 'Username' } ).inputValue(), denied );
				assert.equal( await accountExists( visit, denied ), false );

				const warned = freshName( filters.warn.prefix );
				await create( warned );
				await page.getByRole( 'alert' ).getByText( /automatically identified as harmful/ ).waitFor();
				await panelSettled( page );
				await submit( page );
				await dialog.getByRole( 'status' ).getByText( /has been created, and a temporary password has been emailed/ ).waitFor();
				assert.equal( await accountExists( visit, warned ), true );
				const address = `${ warned.replace( /\W/g, '' ).toLowerCase() }@example.test`;
				// (LoginNotify may also have told the admin of a login from a new device.)
				assert.equal( ( await mailbox.newMail() ).filter( ( mail ) => mail.to === address ).length, 1, 'one email to the new account' );
			} );
		} );

		test( 'AbuseFilter in a batch: the disallowed row shows the filter\'s message as its result, and the batch goes on', async ( t ) => {
			await inVisit( t, suiteBrowser(), wiki, async ( visit ) => {
				const { page } = visit;
				const names = [ freshName( 'Batchok' ), freshName( filters.deny.prefix ), freshName( 'Batchok' ) ];
				await asAdmin( visit );
				await openBatchPanel( page );
				const rows = names.map( ( name ) => `${ name }, ${ name.replace( /\W/g, '' ).toLowerCase() }@example.test` );
				await dialogOf( page ).getByRole( 'textbox', { name: en[ 'batch-accounts-label' ] } ).fill( rows.join( '\n' ) );
				const table = dialogOf( page ).locator( 'table.account-gadgets-batch' );
				await table.locator( 'tr[data-status="ready"]' ).nth( 2 ).waitFor();
				await submit( page, en[ 'batch-start' ] );
				await table.locator( 'tr[data-status="created"]' ).nth( 1 ).waitFor();
				const failed = table.locator( 'tr[data-status="failed"]' );
				await failed.waitFor();
				assert.match( await failed.innerText(), new RegExp( names[ 1 ] ) );
				assert.match( await failed.innerText(), /disallowed/ );
				assert.deepEqual( await Promise.all( names.map( ( name ) => accountExists( visit, name ) ) ), [ true, false, true ] );
			} );
		} );
	} );
}
