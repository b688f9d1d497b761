#!/usr/bin/env node
// The pictures in the README: every panel opened the way a person opens it, on the newest local
// wiki, saved as PNG under docs/screenshots/, cropped to the panel and what is around it. Run
// through `npm run screenshots` (which builds, brings the wikis up and deploys first); run it again
// whenever a panel changes. It creates accounts on the local wiki (the batch shown in progress).
//
//   node scripts/screenshots.mjs [--only NAME]   NAME: one shot's file name without .png
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, Visit, accounts, gadgetMessages, panelSettled, phone } from '../tests/e2e/helpers.mjs';
import { wikis, repoRoot } from './wiki/wikis.mjs';

export const screenshotsDir = path.join( repoRoot, 'docs/screenshots' );
const wiki = wikis[ wikis.length - 1 ];
const { sender: carol, emailable: bob, admin, twoFactor: kim } = accounts;
const desktop = { viewport: { width: 1100, height: 900 } };
// A phone's screen and touch, one image pixel per CSS pixel, to keep the files small.
const phoneAtOne = { ...phone(), deviceScaleFactor: 1 };
const labels = {
	forgot: gadgetMessages( 'logged-out', 'en' )[ 'link-forgot' ],
	email: gadgetMessages( 'email-user', 'en' )[ 'link-email' ],
	check: gadgetMessages( 'password-check', 'en' )[ 'link-check' ],
	change: gadgetMessages( 'password-check', 'en' )[ 'link-change' ],
	create: gadgetMessages( 'create-account', 'en' )[ 'link-create' ],
	batch: gadgetMessages( 'create-account', 'en' )[ 'link-create-batch' ]
};

/**
 * Clicks the first link with this text wherever the skin put it (in a closed menu, too), and waits
 * for the panel it opens.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function openLink( page, text ) {
	const link = page.locator( 'a', { hasText: text } ).first();
	await link.waitFor( { state: 'attached' } );
	await link.evaluate( ( node ) => node.click() );
	await page.getByRole( 'dialog' ).waitFor();
	await panelSettled( page );
}

async function asLoggedOut( visit, title, query = {} ) {
	await visit.open( title, query );
	await visit.page.waitForFunction( () => window.accountGadgetsLoggedOut );
}

async function asUser( visit, person, gadgets, title, query = {} ) {
	await visit.logIn( person );
	await visit.setOptions( Object.fromEntries( gadgets.map( ( gadget ) => [ `gadget-${ gadget }`, 1 ] ) ) );
	await visit.open( title, query );
}

function dialog( page ) {
	return page.getByRole( 'dialog' );
}

/**
 * Each picture: its file name (what it shows), the browser it needs, and how a person gets there.
 * `crop` is the element the picture is cut around (the panel by default); `null` keeps the screen.
 */
const shots = [
	{
		name: 'email-user', async take( visit ) {
			await asUser( visit, carol, [ 'email-user' ], `User:${ bob.name }`, { useskin: 'vector-2022' } );
			await openLink( visit.page, labels.email );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Message' } ).fill( 'Hello Bob, could you look at the draft on my talk page? Thanks!' );
		}
	},
	{
		name: 'email-user-marks-in-a-history', crop: '#pagehistory', async take( visit ) {
			// A page edited by people who do and do not take email (Dave has no address, Erin refuses it).
			const title = 'Screenshots: a page history';
			for ( const [ n, editor ] of [ accounts.noEmail, accounts.refusesEmail, accounts.resetByName, accounts.logsIn, bob ].entries() ) {
				const editing = await new Visit( visit.browser, wiki ).start();
				await editing.logIn( editor );
				await editing.api( { action: 'edit', title, appendtext: `\n* Note ${ n + 1 } by ${ editor.name }.`, token: await editing.token() }, { method: 'POST' } );
				await editing.close();
			}
			await asUser( visit, carol, [ 'email-user-marks' ], title, { action: 'history', limit: 5, useskin: 'vector-2022' } );
			await visit.page.locator( '.account-gadgets-envelope' ).first().waitFor();
			await visit.page.waitForLoadState( 'networkidle' );
		}
	},
	{
		name: 'password-check-with-a-verdict', async take( visit ) {
			await asUser( visit, carol, [ 'password-check' ], 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, labels.check );
			await dialog( visit.page ).getByLabel( gadgetMessages( 'password-check', 'en' )[ 'new-password-label' ], { exact: true } ).fill( 'password123' );
			await dialog( visit.page ).locator( '[data-validity]' ).waitFor();
		}
	},
	{
		name: 'change-password', async take( visit ) {
			await asUser( visit, carol, [ 'password-check' ], 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, labels.change );
			await dialog( visit.page ).getByLabel( gadgetMessages( 'password-check', 'en' )[ 'new-password-label' ], { exact: true } ).fill( 'Correct-Horse-Battery-9' );
			await dialog( visit.page ).locator( '[data-validity="Good"]' ).waitFor();
		}
	},
	{
		name: 'password-reset', async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, labels.forgot );
		}
	},
	{
		name: 'login', async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, 'Log in' );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Username' } ).fill( kim.name );
		}
	},
	{
		name: 'login-two-factor-step', async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, 'Log in' );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Username' } ).fill( kim.name );
			await dialog( visit.page ).getByLabel( 'Password', { exact: true } ).fill( kim.password );
			await dialog( visit.page ).getByRole( 'button', { name: 'Log in', exact: true } ).click();
			await dialog( visit.page ).getByRole( 'textbox', { name: /Two-factor token/ } ).waitFor();
			await panelSettled( visit.page );
		}
	},
	{
		name: 'sign-up-with-a-taken-name', async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, 'Create account' );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Username' } ).fill( bob.name );
			await dialog( visit.page ).locator( '.account-gadgets-name-verdict[data-name-status="taken"]' ).waitFor();
		}
	},
	{
		name: 'create-an-account-for-someone', async take( visit ) {
			await asUser( visit, admin, [ 'create-account' ], 'Main Page', { useskin: 'vector-2022' } );
			await openLink( visit.page, labels.create );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Username' } ).fill( `Workshop guest ${ Date.now().toString( 36 ) }` );
			await dialog( visit.page ).getByRole( 'textbox', { name: 'Email' } ).fill( 'guest@example.test' );
			await dialog( visit.page ).getByRole( 'textbox', { name: /^Reason/ } ).fill( 'Editathon participant' );
			await dialog( visit.page ).locator( '.account-gadgets-name-verdict[data-name-status="available"]' ).waitFor();
		}
	},
	{
		name: 'create-accounts-in-a-batch', async take( visit ) {
			const { page } = visit;
			await asUser( visit, admin, [ 'create-account' ], 'Main Page', { useskin: 'vector-2022' } );
			await openLink( page, labels.batch );
			const stamp = Date.now().toString( 36 );
			const rows = [ 'username,email', ...[ 1, 2, 3, 4 ].map( ( n ) => `Participant ${ stamp }${ n }, p${ stamp }${ n }@example.test` ), `${ bob.name }, bob@example.test` ];
			await dialog( page ).getByRole( 'textbox', { name: gadgetMessages( 'create-account', 'en' )[ 'batch-accounts-label' ] } ).fill( rows.join( '\n' ) );
			const table = dialog( page ).locator( 'table.account-gadgets-batch' );
			await table.locator( 'tr[data-status="ready"]' ).nth( 3 ).waitFor();
			// Caught in progress: the third creation is held back until the picture is taken.
			let creations = 0;
			let release = () => {};
			await page.route( `${ wiki.api }*`, async ( route ) => {
				if ( /action=createaccount/.test( route.request().postData() || '' ) && ++creations === 3 ) {
					await new Promise( ( resolve ) => {
						release = resolve;
					} );
				}
				await route.continue();
			} );
			await dialog( page ).getByRole( 'button', { name: gadgetMessages( 'create-account', 'en' )[ 'batch-start' ], exact: true } ).click();
			await table.locator( 'tr[data-status="created"]' ).nth( 1 ).waitFor();
			return () => release();
		}
	},
	// Phones: Minerva at 360 × 640, the whole screen.
	...[
		[ 'phone-login', 'Log in' ],
		[ 'phone-sign-up', null ],
		[ 'phone-password-reset', labels.forgot ]
	].map( ( [ name, link ] ) => ( {
		name, context: phoneAtOne, crop: null, async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useformat: 'mobile' } );
			if ( link ) {
				await openLink( visit.page, link );
				return;
			}
			// Minerva's phone menu has no "Create account": the login panel leads there.
			await openLink( visit.page, 'Log in' );
			await dialog( visit.page ).getByRole( 'button', { name: gadgetMessages( 'login', 'en' )[ 'create-account' ] } ).click();
			await visit.page.getByText( gadgetMessages( 'create-account', 'en' )[ 'title-self' ] ).waitFor();
			await panelSettled( visit.page );
		}
	} ) ),
	{
		name: 'phone-email-user', context: phoneAtOne, crop: null, async take( visit ) {
			await asUser( visit, carol, [ 'email-user' ], `User:${ bob.name }`, { useformat: 'mobile' } );
			await openLink( visit.page, labels.email );
		}
	},
	// Languages: Russian, and Hebrew, which is right to left (its texts follow English here).
	...[ 'ru', 'he' ].map( ( language ) => ( {
		name: `language-${ language }-login`, async take( visit ) {
			await asLoggedOut( visit, 'Main Page', { useskin: 'vector-2022', uselang: language } );
			await visit.page.evaluate( () => document.querySelector( '#pt-login a, #pt-login-2 a, a#pt-login' ).click() );
			await visit.page.getByRole( 'dialog' ).waitFor();
			await panelSettled( visit.page );
		}
	} ) )
];

/**
 * The area around an element, a margin wide, inside the window.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {number} [margin] CSS pixels
 * @return {Promise<{x:number,y:number,width:number,height:number}>}
 */
async function around( page, selector, margin = 24 ) {
	const box = await page.locator( selector ).first().boundingBox();
	const size = page.viewportSize();
	const x = Math.max( 0, box.x - margin );
	const y = Math.max( 0, box.y - margin );
	return {
		x, y,
		width: Math.min( size.width, box.x + box.width + margin ) - x,
		height: Math.min( size.height, box.y + box.height + margin ) - y
	};
}

const haveOptipng = () => spawnSync( 'sh', [ '-c', 'command -v optipng' ] ).status === 0;

/**
 * Debian's optipng (installed here when missing, as the wiki script installs PHP): lossless,
 * smaller files.
 *
 * @return {boolean} whether it can be used
 */
function ensureOptipng() {
	if ( !haveOptipng() ) {
		process.stdout.write( '[screenshots] installing Debian\'s optipng\n' );
		spawnSync( 'apt-get', [ 'install', '-y', '-q', '--no-install-recommends', 'optipng' ], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } );
	}
	return haveOptipng();
}

function shrink( file, optipng ) {
	if ( optipng ) {
		spawnSync( 'optipng', [ '-quiet', '-o2', file ] );
	}
}

async function main() {
	const only = process.argv.includes( '--only' ) ? process.argv[ process.argv.indexOf( '--only' ) + 1 ] : null;
	const chosen = shots.filter( ( shot ) => !only || shot.name === only );
	if ( !chosen.length ) {
		throw new Error( `No screenshot named ${ only }; there are: ${ shots.map( ( shot ) => shot.name ).join( ', ' ) }` );
	}
	mkdirSync( screenshotsDir, { recursive: true } );
	if ( !only ) {
		// Made anew: a picture of a panel that no longer exists goes.
		for ( const file of readdirSync( screenshotsDir ) ) {
			rmSync( path.join( screenshotsDir, file ) );
		}
	}
	const optipng = ensureOptipng();
	const browser = await launchBrowser();
	try {
		for ( const shot of chosen ) {
			const visit = await new Visit( browser, wiki ).start( shot.context || desktop );
			try {
				const after = await shot.take( visit );
				const crop = shot.crop === undefined ? '.oo-ui-processDialog .oo-ui-window-frame' : shot.crop;
				const file = path.join( screenshotsDir, `${ shot.name }.png` );
				await visit.page.screenshot( { path: file, clip: crop ? await around( visit.page, crop ) : undefined, animations: 'disabled', caret: 'hide' } );
				shrink( file, optipng );
				process.stdout.write( `[screenshots] ${ path.relative( repoRoot, file ) } (${ Math.round( statSync( file ).size / 1024 ) } KB)\n` );
				if ( after ) {
					after();
				}
			} finally {
				await visit.close();
			}
		}
	} finally {
		await browser.close();
	}
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	await main();
}
