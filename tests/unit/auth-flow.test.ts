import { ApiClient } from '../../src/lib/api';
import { AuthFlow } from '../../src/lib/auth-flow';
import { Panel } from '../../src/lib/panel';
import { MessageFunction } from '../../src/lib/messages';

QUnit.module( 'auth-flow', () => {
	QUnit.test( 'a panel asks the wiki for its form before it builds its window, which takes the page a moment', ( assert ) => {
		const order: string[] = [];
		const never = <T>(): Promise<T> => new Promise<T>( () => {
			// The answer does not matter here.
		} );
		const api: ApiClient = {
			get: <T>() => {
				order.push( 'form asked for' );
				return never<T>();
			},
			post: never,
			postWithToken: never,
			postWithPrefixedToken: never
		};
		// Only what open() and the constructor use.
		const panel = {
			update: () => undefined,
			open: () => order.push( 'window built' ),
			showInfo: () => undefined
		} as unknown as Panel;
		const flow = new AuthFlow( {
			which: 'login',
			gadget: 'login',
			api,
			msg: ( () => undefined ) as unknown as MessageFunction,
			panel,
			submitLabel: 'Log in',
			continueLabel: 'Continue',
			passwordContext: () => ( {} ),
			onPass: () => Promise.resolve()
		} );
		flow.open();
		assert.deepEqual( order, [ 'form asked for', 'window built' ] );
	} );
} );
