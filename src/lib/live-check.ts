// Asking the wiki about a value while it is typed (a password's validity, a username's
// availability): wait for a pause, abort the request for a value that changed, never let a late
// answer overwrite a newer one, and remember every verdict, so a value asked once costs no
// second request. Pure logic with an injected clock, unit-tested without a browser.
import { ApiFailure } from './errors';

export type LiveState<V> =
	| { state: 'empty' }
	| { state: 'checking' }
	| { state: 'done'; verdict: V }
	/** The wiki could not answer (unreachable, or an API error, whose message is given); the form stays usable. */
	| { state: 'failed'; html: string };

export interface Clock {
	setTimeout( callback: () => void, ms: number ): unknown;
	clearTimeout( handle: unknown ): void;
}

/** The quiet time after the last change before the wiki is asked. */
export const checkDelay = 300;

export interface LiveCheckOptions<I, V> {
	/** Asks the wiki; rejects with an ApiFailure. */
	ask: ( input: I, signal: AbortSignal ) => Promise<V>;
	/** What identifies an input for the cache; null for an empty one, which is not asked about. */
	keyOf: ( input: I ) => string | null;
	/** Receives every change of state, for the field to show. */
	report: ( state: LiveState<V> ) => void;
	clock: Clock;
	delay?: number;
}

export class LiveCheck<I, V> {
	private readonly options: LiveCheckOptions<I, V>;
	private readonly verdicts = new Map<string, V>();
	private currentKey: string | null = '';
	private timer: unknown = null;
	private inFlight: AbortController | null = null;
	private last: LiveState<V> = { state: 'empty' };

	public constructor( options: LiveCheckOptions<I, V> ) {
		this.options = options;
	}

	/** The state last reported. */
	public get state(): LiveState<V> {
		return this.last;
	}

	private report( state: LiveState<V> ): void {
		this.last = state;
		this.options.report( state );
	}

	/**
	 * Call on every change of the input (or of anything its verdict depends on).
	 *
	 * @param input
	 */
	public update( input: I ): void {
		const key = this.options.keyOf( input );
		if ( key === this.currentKey ) {
			return;
		}
		this.currentKey = key;
		this.cancel();
		if ( key === null ) {
			this.report( { state: 'empty' } );
			return;
		}
		const known = this.verdicts.get( key );
		if ( known ) {
			this.report( { state: 'done', verdict: known } );
			return;
		}
		this.report( { state: 'checking' } );
		const delay = this.options.delay === undefined ? checkDelay : this.options.delay;
		this.timer = this.options.clock.setTimeout( () => this.ask( key, input ), delay );
	}

	private ask( key: string, input: I ): void {
		this.timer = null;
		const controller = new AbortController();
		this.inFlight = controller;
		this.options.ask( input, controller.signal ).then( ( verdict ) => {
			this.verdicts.set( key, verdict );
			// A late answer never overwrites the verdict for a newer value.
			if ( key === this.currentKey ) {
				this.inFlight = null;
				this.report( { state: 'done', verdict } );
			}
		}, ( failure: ApiFailure ) => {
			if ( failure.kind !== 'aborted' && key === this.currentKey ) {
				this.inFlight = null;
				this.report( { state: 'failed', html: failure.kind === 'api' ? failure.html : '' } );
			}
		} );
	}

	private cancel(): void {
		if ( this.timer !== null ) {
			this.options.clock.clearTimeout( this.timer );
			this.timer = null;
		}
		if ( this.inFlight ) {
			this.inFlight.abort();
			this.inFlight = null;
		}
	}

	/** Stops everything and forgets every value seen: call when the panel closes. */
	public dispose(): void {
		this.cancel();
		this.verdicts.clear();
		this.currentKey = '';
	}
}
