#!/usr/bin/env node
// Writes the built gadgets to a wiki: each MediaWiki:Gadget-<name>.js/.css page, the description
// and section messages in every language we ship, and our marked block of
// MediaWiki:Gadgets-definition (the wiki's other gadgets are left as they are). Only pages whose
// text changed are edited.
//
//   ACCOUNT_GADGETS_BOT_USER='Admin@deploy' ACCOUNT_GADGETS_BOT_PASSWORD=… \
//     node scripts/deploy.mjs --wiki https://example.org/w/api.php [--dry-run]
//
// The credentials are a bot password (Special:BotPasswords) with the grants "basic",
// "editinterface", "editsiteconfig", "createeditmovepage" and "highvolume", on an account that is
// an interface administrator. They are read from the environment only and never printed.
//
// With --user-scripts it publishes the user-script files instead (user-scripts/, for the one
// line in common.js) as subpages of the bot password's own user, User:<name>/account-gadgets.js
// and the files beside it. That needs only the grants "basic", "editmycssjs" ("Edit your user
// CSS/JSON/JavaScript") and, to create the pages the first time, "createeditmovepage", on any
// account.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Mwn } from 'mwn';
import { blockStart, blockEnd, gadgetsDir, userScriptsDir, version } from './build/gadgets.mjs';

export const definitionPage = 'MediaWiki:Gadgets-definition';

/**
 * The definition page with our block put in: replaced where the markers already stand, added at
 * the end otherwise. Nothing outside the markers changes.
 *
 * @param {string} current the page's text ('' when it does not exist)
 * @param {string} block our block, markers included
 * @return {string}
 */
export function mergeDefinition( current, block ) {
	const trimmedBlock = block.trim();
	const start = current.indexOf( blockStart );
	const end = current.indexOf( blockEnd, start );
	if ( start !== -1 && end !== -1 ) {
		return current.slice( 0, start ) + trimmedBlock + current.slice( end + blockEnd.length );
	}
	return current.trim() ? `${ current.trimEnd() }\n\n${ trimmedBlock }\n` : `${ trimmedBlock }\n`;
}

/**
 * Plain http only for a wiki on this machine: elsewhere the bot password would cross the network
 * in clear text.
 *
 * @param {string} apiUrl
 */
export function assertSafeUrl( apiUrl ) {
	const url = new URL( apiUrl );
	const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test( url.hostname );
	if ( url.protocol === 'http:' && !loopback ) {
		throw new Error( `Refusing plain http for ${ url.host }: use https, so that the bot password is not sent in clear text.` );
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		throw new Error( `Not a web address: ${ apiUrl }` );
	}
}

/**
 * The api.php address for what the person typed: an api.php URL as it is, a wiki's base URL
 * with /api.php added.
 *
 * @param {string} wiki
 * @return {string}
 */
export function apiUrlFor( wiki ) {
	return /\/api\.php$/.test( wiki ) ? wiki : `${ wiki.replace( /\/+$/, '' ) }/api.php`;
}

/**
 * Every page deploy writes, from the build output.
 *
 * @return {Map<string,string>} title → text, the definition page last
 */
export function plannedPages() {
	if ( !existsSync( path.join( gadgetsDir, 'Gadgets-definition.txt' ) ) ) {
		throw new Error( 'Nothing built yet: run `node build.mjs` first.' );
	}
	const pages = new Map();
	for ( const file of readdirSync( gadgetsDir ).sort() ) {
		if ( /^Gadget-.+\.(js|css)$/.test( file ) ) {
			pages.set( `MediaWiki:${ file }`, readFileSync( path.join( gadgetsDir, file ), 'utf8' ) );
		}
	}
	const messages = JSON.parse( readFileSync( path.join( gadgetsDir, 'messages.json' ), 'utf8' ) );
	for ( const [ title, text ] of Object.entries( messages ) ) {
		pages.set( title, text );
	}
	return pages;
}

/**
 * Every page deploy --user-scripts writes: the user-script files as subpages of `user`.
 *
 * @param {string} user whose subpages, e.g. Someone
 * @return {Map<string,string>} title → text
 */
export function plannedUserScriptPages( user ) {
	if ( !existsSync( path.join( userScriptsDir, 'account-gadgets.js' ) ) ) {
		throw new Error( 'Nothing built yet: run `node build.mjs` first.' );
	}
	const pages = new Map();
	for ( const file of readdirSync( userScriptsDir ).sort() ) {
		if ( /^account-gadgets.*\.js$/.test( file ) ) {
			pages.set( `User:${ user }/${ file }`, readFileSync( path.join( userScriptsDir, file ), 'utf8' ) );
		}
	}
	return pages;
}

function currentCommit() {
	return spawnSync( 'git', [ 'rev-parse', '--short', 'HEAD' ], { encoding: 'utf8' } ).stdout.trim() || 'unknown commit';
}

/**
 * @param {Object} options
 * @param {string} options.apiUrl
 * @param {string} [options.username] bot password user name, e.g. Admin@deploy
 * @param {string} [options.password] bot password; never logged
 * @param {boolean} [options.dryRun] print what would change, edit nothing
 * @param {boolean} [options.userScripts] the user-script files, as subpages of the bot password's
 *  user, instead of the gadgets
 * @param {Function} [options.log] receives each line of the report
 * @return {Promise<string[]>} titles that changed (or would change)
 */
export async function deploy( { apiUrl, username, password, dryRun = false, userScripts = false, log = console.log } ) {
	assertSafeUrl( apiUrl );
	if ( userScripts && !username ) {
		throw new Error( 'Set ACCOUNT_GADGETS_BOT_USER (a bot password\'s user, e.g. Someone@scripts): its user pages get the scripts.' );
	}
	// A bot password's user name is `<user>@<application>`.
	const pages = userScripts ? plannedUserScriptPages( username.split( '@' )[ 0 ] ) : plannedPages();
	const bot = new Mwn( {
		apiUrl,
		userAgent: `account-gadgets-deploy/${ version }`,
		silent: true,
		defaultParams: { assert: dryRun ? undefined : 'user', maxlag: undefined }
	} );
	if ( !dryRun || ( username && password ) ) {
		if ( !username || !password ) {
			throw new Error( 'Set ACCOUNT_GADGETS_BOT_USER and ACCOUNT_GADGETS_BOT_PASSWORD (a bot password) to deploy.' );
		}
		try {
			await bot.login( { username, password } );
		} catch ( error ) {
			// Only the API's code and text: the request (and so the password) is never printed.
			throw new Error( `Login as ${ username } failed: ${ error.code || '' } ${ error.info || error.message }` );
		}
	} else {
		await bot.getSiteInfo();
	}

	const titles = [ ...pages.keys(), ...( userScripts ? [] : [ definitionPage ] ) ];
	const current = new Map();
	for ( const page of await bot.read( titles ) ) {
		const revision = page.revisions && page.revisions[ 0 ];
		current.set( page.title, revision ? revision.content : '' );
	}
	if ( !userScripts ) {
		const block = readFileSync( path.join( gadgetsDir, 'Gadgets-definition.txt' ), 'utf8' );
		pages.set( definitionPage, mergeDefinition( current.get( definitionPage ) || '', block ) );
	}

	const summary = `account-gadgets ${ version } (${ currentCommit() })`;
	const changed = [];
	for ( const [ title, text ] of pages ) {
		if ( ( current.get( title ) || '' ).trim() === text.trim() ) {
			continue;
		}
		changed.push( title );
		if ( dryRun ) {
			log( `would edit ${ title }` );
		} else {
			await bot.save( title, text, summary );
			log( `edited ${ title }` );
		}
	}
	if ( !changed.length ) {
		log( 'every page is up to date' );
	}
	return changed;
}

async function main() {
	const args = process.argv.slice( 2 );
	const wikiIndex = args.indexOf( '--wiki' );
	const wiki = wikiIndex !== -1 ? args[ wikiIndex + 1 ] : null;
	if ( !wiki ) {
		process.stderr.write( 'Usage: node scripts/deploy.mjs --wiki https://example.org/w/api.php [--user-scripts] [--dry-run]\n' +
			'Credentials come from ACCOUNT_GADGETS_BOT_USER and ACCOUNT_GADGETS_BOT_PASSWORD.\n' );
		process.exit( 2 );
	}
	try {
		await deploy( {
			apiUrl: apiUrlFor( wiki ),
			username: process.env.ACCOUNT_GADGETS_BOT_USER,
			password: process.env.ACCOUNT_GADGETS_BOT_PASSWORD,
			dryRun: args.includes( '--dry-run' ),
			userScripts: args.includes( '--user-scripts' )
		} );
	} catch ( error ) {
		process.stderr.write( `deploy: ${ error.message }\n` );
		process.exit( 1 );
	}
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	main();
}
