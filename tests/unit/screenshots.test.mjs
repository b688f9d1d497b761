// The README's pictures (made by `npm run screenshots`): every image it shows exists, and every
// file in docs/screenshots/ is shown, so that no picture of a panel goes stale unseen.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/wiki/wikis.mjs';

const screenshotsDir = path.join( repoRoot, 'docs/screenshots' );

/**
 * The local images a Markdown text shows, as paths from the repository's root.
 *
 * @param {string} markdown
 * @return {string[]}
 */
export function imagesShown( markdown ) {
	// The target is the first word in the brackets; a title may follow it.
	return [ ...markdown.matchAll( /!\[[^\]]*\]\(([^)]*)\)/g ) ]
		.map( ( match ) => match[ 1 ].trim().split( /\s/ )[ 0 ] )
		.filter( ( target ) => !/^[a-z]+:/i.test( target ) );
}

QUnit.module( 'screenshots: the README shows every picture, and every picture it shows exists', () => {
	const readme = readFileSync( path.join( repoRoot, 'README.md' ), 'utf8' );
	const shown = imagesShown( readme );

	QUnit.test( 'the README shows pictures of the panels', ( assert ) => {
		assert.true( shown.some( ( target ) => target.startsWith( 'docs/screenshots/' ) ), shown.join( ', ' ) );
	} );

	QUnit.test( 'every image the README names exists', ( assert ) => {
		assert.deepEqual( shown.filter( ( target ) => !existsSync( path.join( repoRoot, target ) ) ), [] );
	} );

	QUnit.test( 'no file in docs/screenshots/ is unused', ( assert ) => {
		const files = existsSync( screenshotsDir ) ? readdirSync( screenshotsDir ) : [];
		assert.deepEqual( files.filter( ( file ) => !shown.includes( `docs/screenshots/${ file }` ) ), [] );
	} );

	QUnit.test( 'the check reads Markdown images, and not links or remote pictures', ( assert ) => {
		const sample = '![A](docs/screenshots/a.png) [b](docs/b.png) ![C](https://example.test/c.png) ![D](docs/screenshots/d.png "title")';
		assert.deepEqual( imagesShown( sample ), [ 'docs/screenshots/a.png', 'docs/screenshots/d.png' ] );
	} );
} );
