#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (never a downloaded browser): install it when the
// machine does not have it yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if ( !existsSync( chromiumPath ) ) {
	console.log( '[e2e] installing Debian\'s chromium package' );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for ( const args of [ [ 'update' ], [ 'install', '-y', '--no-install-recommends', 'chromium' ] ] ) {
		const result = spawnSync( 'apt-get', args, { stdio: 'inherit', env } );
		if ( result.status !== 0 ) {
			console.error( `apt-get ${ args.join( ' ' ) } failed: install Debian's chromium package (as root), or set CHROMIUM_PATH.` );
			process.exit( 1 );
		}
	}
}
