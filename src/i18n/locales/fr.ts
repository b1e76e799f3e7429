
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'media.chat': `Chat`,
'media.sms': `SMS`,
'media.social': `Social`,
'media.email': `Email`,
'scope.all': `All`,
'scope.chat-social': `Chat/Social Channels`,
'scope.email': `Email`,
'state.ready': `Ready`,
'state.not-ready': `Not Ready`,
'state.not-ready-reason': str`Not Ready – ${0}`,
'look.signed-out': `Not signed in`,
'look.signing-in': `Signing in…`,
'look.sign-in-failed': `Sign-in failed`,
'look.non-routable': `Not Ready – non-routable`,
'look.empty': `No digital channel assigned`,
'look.partial': `Partial`,
'provider.config-invalid': `The digital channels configuration is invalid.`,
'provider.config-kept': `The previous configuration stays in use.`,
'provider.config-unavailable': `The channels stay unavailable until it is corrected.`,
'provider.config-fields': str`Fields: ${0}`,
'picker.unavailable': `Digital channels unavailable`,
'picker.empty-help': `Ask your administrator to assign chat, SMS, social or email channels to you.`,
'picker.summary': str`Digital channels: ${0}`,
'picker.disabled': `Unavailable until the state is restored`,
'sign-in.title': `Manage Digital Channels Sign In`,
'sign-in.help': `Sign In signs you in to every digital channel assigned to you. You start in Not Ready.`,
'sign-in.button': `Sign In`,
'sign-in.waiting': `Waiting for the connection to the server…`,
'picker.menu': `Digital channel state`,
    };
  