
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'banner.offline': `Liaison avec le serveur perdue. Reconnexion en cours… Vos canaux et votre travail sont conservés.`,
'banner.restoring': `Liaison rétablie. Restauration de l’état de vos canaux ; les commandes reviennent dans un instant.`,
'look.empty': `Aucun canal numérique attribué`,
'look.non-routable': `Non prêt – non routable`,
'look.partial': `Partiel`,
'look.sign-in-failed': `Échec de la connexion`,
'look.signed-out': `Non connecté`,
'look.signing-in': `Connexion en cours…`,
'media.chat': `Conversation`,
'media.email': `Email`,
'media.sms': `SMS`,
'media.social': `Social`,
'notify.auto-missed': str`${0} est maintenant à l’état ${1} : une interaction n’a pas été acceptée dans le délai imparti.`,
'notify.auto-supervisor': str`Un superviseur a modifié l’état de ${0} en ${1}.`,
'notify.auto-system': str`Le système a modifié l’état de ${0} en ${1}.`,
'notify.connection-restored': `Liaison avec le serveur rétablie. Vos canaux sont dans leur état précédent.`,
'notify.dismiss': `Fermer la notification`,
'notify.not-connected': `Pas de liaison avec le serveur. Réessayez lorsqu’elle sera rétablie.`,
'notify.retry': `Réessayer`,
'notify.sign-in-failed-final': str`Échec de la connexion pour ${0} : ${1}. Les nouvelles tentatives automatiques sont arrêtées ; reconnectez-vous depuis le menu d’état.`,
'notify.sign-in-failed-retry': str`Échec de la connexion pour ${0} : ${1}. Nouvelle tentative dans ${2} s (tentative ${3} sur ${4}).`,
'notify.sign-out-blocked': `Passez tous les canaux numériques à l’état Non prêt avant de vous déconnecter.`,
'notify.state-failed-final': str`${0} n’a pas pu passer à l’état ${1} : ${2}. Il garde son état précédent ; réessayez ou modifiez-le à nouveau.`,
'notify.state-failed-retry': str`${0} n’a pas pu passer à l’état ${1} : ${2}. Nouvelle tentative dans ${3} s (tentative ${4} sur ${5}).`,
'picker.disabled': `Indisponible jusqu’à la restauration de l’état`,
'picker.empty-help': `Demandez à votre administrateur de vous attribuer des canaux de conversation, SMS, sociaux ou email.`,
'picker.menu': `État des canaux numériques`,
'picker.name': `Canaux numériques :`,
'picker.sign-in-again': str`Se connecter à ${0}`,
'picker.unavailable': `Canaux numériques indisponibles`,
'provider.config-fields': str`Champs : ${0}`,
'provider.config-invalid': `La configuration des canaux numériques n’est pas valide.`,
'provider.config-kept': `La configuration précédente reste en vigueur.`,
'provider.config-unavailable': `Les canaux restent indisponibles jusqu’à sa correction.`,
'scope.all': `Tous`,
'scope.chat-social': `Canaux sociaux/de conversation en ligne`,
'scope.email': `Email`,
'sign-in.button': `Se connecter`,
'sign-in.help': `Se connecter vous connecte à tous les canaux numériques qui vous sont attribués. Vous commencez à l’état Non prêt.`,
'sign-in.title': `Connexion à Gérer les canaux numériques`,
'sign-in.waiting': `En attente de la connexion au serveur…`,
'state.not-ready': `Non prêt`,
'state.not-ready-reason': str`Non prêt – ${0}`,
'state.ready': `Prêt`,
    };
  