// Where the local wikis live and how to reach them. The wiki script, the local deploy and the
// end-to-end tests all read this one description, so a port or a folder is named only here.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../..' );
export const wikisRoot = path.join( repoRoot, '.wikis' );

// The 1.43 tree is unpacked from Debian 13's packages into the project, next to the system's 1.39.
export const mw143Tree = path.join( wikisRoot, 'mediawiki-1.43' );

export const wikis = [
	{
		id: 'mw139',
		version: '1.39',
		port: Number( process.env.MW139_PORT || 8139 ),
		code: '/usr/share/mediawiki'
	},
	{
		id: 'mw143',
		version: '1.43',
		port: Number( process.env.MW143_PORT || 8143 ),
		code: path.join( mw143Tree, 'usr/share/mediawiki' )
	}
].map( ( wiki ) => {
	const dir = path.join( wikisRoot, wiki.id );
	return {
		...wiki,
		dir,
		server: `http://127.0.0.1:${ wiki.port }`,
		api: `http://127.0.0.1:${ wiki.port }/api.php`,
		settingsFile: path.join( dir, 'LocalSettings.php' ),
		overridesFile: path.join( dir, 'overrides.json' ),
		mailDir: path.join( dir, 'mail' ),
		pidFile: path.join( dir, 'server.pid' ),
		logFile: path.join( dir, 'server.log' )
	};
} );

export const accountsFile = path.join( wikisRoot, 'accounts.json' );

/** The page `wiki bench-fixture` has edited by 120 users. */
export const benchPage = 'Bench: many editors';

/**
 * The seeded test accounts (same names and passwords on both wikis), made by `wiki up`.
 *
 * @return {Object<string,{name:string,password:string,email?:string}>}
 */
export function readAccounts() {
	if ( !existsSync( accountsFile ) ) {
		throw new Error( 'No local wikis yet: run `npm run wiki -- up` first.' );
	}
	return JSON.parse( readFileSync( accountsFile, 'utf8' ) );
}
