import { toFailure, failureFromErrors } from '../../src/lib/errors';

QUnit.module( 'errors: turning mw.Api rejections into failures', () => {
	QUnit.test( 'an API error keeps its code and the wiki\'s HTML message', ( assert ) => {
		const failure = toFailure( 'noemail', {
			errors: [ { code: 'noemail', html: 'This user has not specified a valid email address.', module: 'emailuser' } ]
		} );
		assert.deepEqual( failure, { kind: 'api', code: 'noemail', html: 'This user has not specified a valid email address.' } );
	} );

	QUnit.test( 'an HTTP failure with no status is "offline", with a status is "http"', ( assert ) => {
		assert.deepEqual( toFailure( 'http', { textStatus: 'error', xhr: { status: 0 } } ), { kind: 'network', reason: 'offline' } );
		assert.deepEqual( toFailure( 'http', { textStatus: 'error', xhr: { status: 502 } } ), { kind: 'network', reason: 'http' } );
	} );

	QUnit.test( 'a timeout and an abort are told apart', ( assert ) => {
		assert.deepEqual( toFailure( 'http', { textStatus: 'timeout' } ), { kind: 'network', reason: 'timeout' } );
		assert.deepEqual( toFailure( 'http', { textStatus: 'abort' } ), { kind: 'aborted' } );
	} );

	QUnit.test( 'a non-API answer (proxy error page) is a network problem, not an API error', ( assert ) => {
		assert.deepEqual( toFailure( 'invalidjson', undefined ), { kind: 'network', reason: 'http' } );
		assert.deepEqual( toFailure( 'ok-but-empty', undefined ), { kind: 'network', reason: 'http' } );
	} );

	QUnit.test( 'a Failure result without errors still names a code', ( assert ) => {
		assert.deepEqual( failureFromErrors( undefined, 'emailuser-failure' ), { kind: 'api', code: 'emailuser-failure', html: '' } );
	} );
} );
