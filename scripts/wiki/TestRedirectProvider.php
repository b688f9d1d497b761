<?php
/**
 * A test-only authentication provider of the local wikis, registered only while a test switches
 * it on (overrides.json: accountGadgetsRedirectProvider). On login it sends the browser to a
 * third party, as a single sign-on or OAuth provider a wiki adds does (a REDIRECT step), and the
 * third party sends it back at once: to the return URL the client gave, with a code added. The
 * login continues with that code.
 */

use MediaWiki\Auth\AbstractSecondaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;

class AccountGadgetsRedirectRequest extends AuthenticationRequest {
	/** The code the "third party" adds to the return URL, and the provider accepts. */
	public const CODE = 'approved';

	/** @var string */
	public $accountGadgetsCode = '';

	public function getFieldInfo() {
		return [
			'accountGadgetsCode' => [
				'type' => 'hidden',
				'label' => new RawMessage( 'Code from the test provider' ),
				'help' => new RawMessage( 'The third party adds it to the return URL.' ),
			],
		];
	}
}

class AccountGadgetsRedirectProvider extends AbstractSecondaryAuthenticationProvider {
	public function getAuthenticationRequests( $action, array $options ) {
		return [];
	}

	public function beginSecondaryAuthentication( $user, array $reqs ) {
		$returnToUrl = $reqs ? reset( $reqs )->returnToUrl : null;
		if ( !$returnToUrl ) {
			return AuthenticationResponse::newFail( new RawMessage( 'The test provider needs a return URL.' ) );
		}
		return AuthenticationResponse::newRedirect(
			[ new AccountGadgetsRedirectRequest() ],
			wfAppendQuery( $returnToUrl, [ 'accountGadgetsCode' => AccountGadgetsRedirectRequest::CODE ] )
		);
	}

	public function continueSecondaryAuthentication( $user, array $reqs ) {
		$req = AuthenticationRequest::getRequestByClass( $reqs, AccountGadgetsRedirectRequest::class );
		return $req && $req->accountGadgetsCode === AccountGadgetsRedirectRequest::CODE ?
			AuthenticationResponse::newPass() :
			AuthenticationResponse::newFail( new RawMessage( 'The test provider did not approve.' ) );
	}

	public function beginSecondaryAccountCreation( $user, $creator, array $reqs ) {
		return AuthenticationResponse::newAbstain();
	}
}
