/** French. Keys must match nl.ts (the type enforces it). */
import type { nl } from './nl';

export const fr: Record<keyof typeof nl, string> = {
	// app: the application
	'app.name': 'Knipperlicht',
	'app.tagline':
		'Repérez tôt le risque de burn-out dans les équipes et agissez sur ses causes dans le travail, sans jamais exposer une seule personne.',
	'app.notDiagnosis':
		'Knipperlicht montre des indicateurs de risque pour des groupes, jamais un diagnostic sur des personnes.',

	// nav: main menu and page frame
	'nav.main': 'Menu principal',
	'nav.skipToContent': 'Aller au contenu',
	'nav.overview': "Vue d'ensemble",
	'nav.units': 'Unités',
	'nav.users': 'Utilisateurs',
	'nav.settings': 'Paramètres',
	'nav.audit': 'Journal',
	'nav.account': 'Mon compte',
	'nav.organisations': 'Organisations',
	'nav.signOut': 'Se déconnecter',
	'nav.signedInAs': 'Connecté en tant que {name}',
	'nav.language': 'Langue',
	'nav.switchLanguage': 'Changer de langue',
	'nav.results': 'Résultats',
	'nav.signals': 'Signaux',
	'nav.waves': 'Mesures',
	'nav.instruments': 'Questionnaires',
	'nav.measures': 'Mesures de prévention',

	// warning: early warning: units that need attention
	'warning.moreReasons': '{count} autres raisons',
	'warning.title': 'Unités qui demandent de l’attention',
	'warning.intro':
		'Une unité figure dans cette liste lorsqu’un signal s’écarte de son propre passé ou de l’organisation, ou continue à s’en écarter. Un signal invite à examiner le travail avec l’équipe (charge de travail, organisation du travail, moyens, relations) : ce n’est ni un diagnostic ni un jugement sur des personnes.',
	'warning.none': 'Aucune unité ne présente actuellement de signal qui demande de l’attention.',
	'warning.pointsExplained':
		'Chaque mois au-dessus de la bande compte 1 point (au maximum 4 par signal) ; chaque mesure consécutive avec une nette détérioration compte 2 points (au maximum 4). L’ordre suit la somme des points.',
	'warning.score': 'Points : {points}',
	'warning.indicator.absenceRateShort': 'absentéisme de courte durée',
	'warning.indicator.frequency': 'fréquence des absences',
	'warning.indicator.turnoverVoluntary': 'départs volontaires',
	'warning.indicator.newLongIncapacityPer100Fte': 'nouvelles incapacités de travail de plus de 4 semaines',
	'warning.indicator.accidentsPer100Fte': 'accidents du travail',
	'warning.value.percent': '{value} %',
	'warning.value.percentPerYear': '{value} % par an',
	'warning.value.perEmployeePerYear': '{value} périodes de maladie par travailleur par an',
	'warning.value.per100FtePerYear': '{value} pour 100 ETP par an',
	'warning.reason.rateVsOwnHistory': '{subject} {value}, niveau de référence propre {baseline}',
	'warning.reason.rateVsOrganisation': '{subject} {value}, organisation {organisation}',
	'warning.reason.shareVsPreviousWave':
		'{subject} : {value} % en orange ou en rouge, précédemment {previous} %',
	'warning.reason.shareVsOrganisation':
		'{subject} : {value} % en orange ou en rouge, organisation {organisation} %',
	'warning.reason.meanVsPreviousWave': '{subject} : score moyen {value} sur 100, précédemment {previous}',
	'warning.reason.meanVsOrganisation': '{subject} : score moyen {value} sur 100, organisation {organisation}',
	'warning.persistence.latest': 'dernier mois au-dessus de la bande',
	'warning.persistence.run': '{count} mois de suite au-dessus de la bande',
	'warning.persistence.recent': '{count} des {window} derniers mois au-dessus de la bande',
	'warning.persistence.wavesWorse': '{count} mesures de suite moins favorables',
	'warning.persistence.wavesWorseThanOrganisation':
		'{count} mesures de suite moins favorables que l’organisation',

	// results: results per team
	'results.heatmapTitle': 'Thèmes par unité',
	'results.title': 'Résultats par équipe',
	'results.intro':
		'Par unité (avec ses sous-unités), la part de travailleurs en orange ou rouge par thème du baromètre et par facteur de travail. Ce sont des signaux sur le travail, pas un diagnostic de personnes.',
	'results.noClosedWave':
		"Il n'y a pas encore de mesure clôturée. Les résultats n'apparaissent qu'une fois la mesure clôturée.",
	'results.wave': 'Mesure',
	'results.show': 'Afficher',
	'results.anonymityNote':
		"Un chiffre n'apparaît que pour un groupe d'au moins {k} personnes ({sensitiveK} pour les thèmes sensibles). Les unités plus petites comptent dans l'unité supérieure ; parfois un groupe plus grand est aussi masqué pour que personne ne puisse calculer un petit groupe.",
	'results.comparedWith': 'Les flèches comparent avec {wave}.',
	'results.notADiagnosis':
		'Les seuils sont provisoires. Discutez des résultats marquants avec le conseiller en prévention aspects psychosociaux : regardez les facteurs de travail, pas les personnes.',
	'results.caption': 'Part en orange ou rouge par unité et thème',
	'results.unit': 'Unité',
	'results.respondents': 'Réponses',
	'results.organisation': 'Toute l’organisation',
	'results.pooled': 'y compris {units}',
	'results.cellLabel': '{dimension} : {share} en orange ou rouge, score moyen {mean}, {n} réponses.',
	'results.cellPrevious': 'Mesure précédente : {share}.',
	'results.suppressed.below-k': 'non affiché : trop peu de réponses',
	'results.suppressed.secondary': 'non affiché : permettrait de calculer un petit groupe',
	'results.suppressed.remainder': 'non affiché : le reste du groupe est trop petit',
	'results.suppressed.sensitive': 'non affiché : thème sensible, groupe minimum plus élevé',
	'results.suppressed.no-data': 'pas de données',
	'results.suppressed.changed':
		'non affiché : corrigé après avoir été affiché, trop peu de personnes maintenant',
	'results.legend': 'Part en orange ou rouge :',
	'results.legendSuppressed': 'non affiché (anonymat)',
	'results.legendTrend': 'au moins 5 points de pourcentage de plus ou de moins que la mesure précédente',

	// audit: audit log
	'audit.action.signals.import': 'Signaux importés',
	'audit.action.signals.undo': 'Import de signaux annulé',
	'audit.action.signals.mapCode': "Code d'unité associé",
	'audit.title': 'Journal',
	'audit.intro': 'Qui a fait quoi dans cette organisation, et quand.',
	'audit.when': 'Quand',
	'audit.who': 'Qui',
	'audit.what': 'Quoi',
	'audit.empty': "Rien ne s'est encore passé.",
	'audit.older': 'Entrées plus anciennes',
	'audit.system': 'système',
	'audit.action.organisation.settings.update': 'Paramètres modifiés',
	'audit.action.unit.create': 'Unité ajoutée',
	'audit.action.unit.rename': 'Unité modifiée',
	'audit.action.unit.move': 'Unité déplacée',
	'audit.action.unit.archive': 'Unité archivée',
	'audit.action.unit.import': 'Unités importées',
	'audit.action.user.create': 'Utilisateur ajouté',
	'audit.action.user.role': 'Rôle modifié',
	'audit.action.user.deactivate': 'Utilisateur désactivé',
	'audit.action.user.reactivate': 'Utilisateur réactivé',
	'audit.action.user.password.reset': 'Mot de passe à usage unique délivré',
	'audit.action.wave.create': 'Mesure créée',
	'audit.action.wave.close': 'Mesure clôturée',
	'audit.action.wave.reopen': 'Mesure rouverte',
	'audit.action.wave.codes': 'Codes personnels créés',
	'audit.action.instrument.create': 'Questionnaire ajouté',
	'audit.action.measure.create': 'Mesure de prévention ajoutée',
	'audit.action.measure.update': 'Mesure de prévention modifiée',
	'audit.action.measure.note': 'Note ajoutée à une mesure de prévention',

	// signals: collective signals: upload, formats, problems
	'signals.title': 'Signaux collectifs',
	'signals.intro':
		"Les RH importent ici, par unité, l'absentéisme, la rotation et l'incapacité de travail, en chiffres mensuels ou en périodes d'absence par travailleur (avec une clé pseudonyme). Les périodes par personne sont agrégées par unité et par mois à l'import ; la clé n'est jamais affichée.",
	'signals.templates': 'Modèles',
	'signals.templateIn.nl': 'néerlandais',
	'signals.templateIn.fr': 'français',
	'signals.templateIn.en': 'anglais',
	'signals.uploadTitle': 'Importer un fichier',
	'signals.uploadIntro':
		"Un fichier contenant une erreur n'est pas importé du tout. Réimporter la même période remplace ces mois ; la version précédente reste dans l'historique et chaque import peut être annulé.",
	'signals.periodLegend': 'Période (facultatif)',
	'signals.periodHelp':
		"Uniquement pour les périodes d'absence ou le fichier du personnel : les mois que le fichier couvre entièrement. Vide : de la première à la dernière date du fichier.",
	'signals.periodFrom': 'Du mois',
	'signals.periodTo': "Jusqu'au mois",
	'signals.periodInvalid': 'Choisissez une période valide : deux mois, le second pas avant le premier.',
	'signals.fileLabel': 'Fichier (CSV)',
	'signals.fileHelp':
		'Chiffres mensuels, périodes d’absence ou personnel, comme un modèle ci-dessus. Point-virgule ou virgule, UTF-8 ou Windows-1252, virgule décimale et dates jj/mm/aaaa sont reconnus.',
	'signals.staffingLabel': 'Fichier du personnel avec les périodes d’absence (facultatif)',
	'signals.fileMissing': 'Choisissez un fichier à importer.',
	'signals.upload': 'Importer',
	'signals.previewOf': 'Aperçu de {file}',
	'signals.detected': 'Reconnu : {format}, séparé par {delimiter}, {encoding}.',
	'signals.delimiter.semicolon': 'point-virgule',
	'signals.delimiter.comma': 'virgule',
	'signals.delimiter.tab': 'tabulation',
	'signals.encoding.utf-8': 'UTF-8',
	'signals.encoding.utf-8-bom': 'UTF-8 avec BOM',
	'signals.encoding.windows-1252': 'Windows-1252',
	'signals.phase.uploading': 'Envoi en cours…',
	'signals.phase.reading': 'Lecture en cours…',
	'signals.phase.checking': 'Vérification en cours…',
	'signals.phase.storing': 'Enregistrement en cours…',
	'signals.progressFigures': '{sent} sur {total} ko envoyés, {rows} lignes traitées',
	'signals.uploadFailed': "L'import a échoué. Rien n'a changé ; réessayez.",
	'signals.uploadBroken':
		"Le fichier n'est pas arrivé en entier (l'envoi a été interrompu ou n'est pas un formulaire de fichier). Rien n'a été enregistré ; envoyez-le à nouveau.",
	'signals.imported': '{rows} lignes importées pour {units} unités, de {from} à {to}.',
	'signals.unchanged': 'Ce fichier ({file}) a déjà été importé et est toujours en vigueur : rien n’a changé.',
	'signals.refused': 'Rien importé : {count} problèmes trouvés. Corrigez le fichier et réimportez-le.',
	'signals.problemsCaption': 'Les {shown} premiers problèmes sur {total}',
	'signals.file': 'Fichier',
	'signals.unknownUnitsTitle': "{count} codes d'unité inconnus",
	'signals.unknownUnitsIntro':
		'{rows} lignes utilisent un code qui ne correspond à aucune unité. Associez chaque code à une unité (ce sera retenu pour les fichiers suivants) ou ajoutez les unités dans Unités, puis réimportez le fichier.',
	'signals.unknownCode': 'Code',
	'signals.rowsWithCode': 'Lignes',
	'signals.firstLines': 'Premières lignes',
	'signals.mapTo': 'Associer à',
	'signals.mapCodeLabel': 'Unité pour le code {code}',
	'signals.mapNone': '— ne pas associer —',
	'signals.saveMapping': 'Enregistrer les associations',
	'signals.mapped': '{count} codes associés. Réimportez le fichier.',
	'signals.mappingEmpty': 'Choisissez une unité pour au moins un code.',
	'signals.mappingInvalid': "L'association du code {code} n'est pas valide.",
	'signals.history': 'Historique des imports',
	'signals.noUploads': "Aucun import pour l'instant.",
	'signals.uploadedAt': 'Importé le',
	'signals.uploadedBy': 'Par',
	'signals.formatColumn': 'Type',
	'signals.period': 'Période',
	'signals.unitsColumn': 'Unités',
	'signals.rowsColumn': 'Lignes',
	'signals.status': 'Statut',
	'signals.statusActive': 'En vigueur',
	'signals.statusPartlyReplaced': '{count} mois-unités remplacés par un import ultérieur',
	'signals.statusUndone': 'Annulé par {name} le {at}',
	'signals.unknownUser': 'utilisateur inconnu',
	'signals.undo': 'Annuler',
	'signals.undoLabel': "Annuler l'import {file}",
	'signals.undone': "L'import a été annulé ; les chiffres précédents sont de nouveau en vigueur.",
	'signals.uploadUnknown': "Cet import n'existe pas.",
	'signals.alreadyUndone': 'Cet import était déjà annulé.',
	'signals.file.empty': 'Le fichier est vide.',
	'signals.file.noRows': "Le fichier n'a qu'une ligne d'en-tête (ligne {headerLine}) et aucune donnée.",
	'signals.file.notText': "Ce n'est pas un fichier texte (CSV). Enregistrez-le en CSV dans votre tableur.",
	'signals.file.spreadsheet':
		'Ceci est un fichier Excel. Dans Excel, choisissez « Enregistrer sous » puis « CSV (séparateur : point-virgule) ».',
	'signals.file.utf16': 'Ce fichier est enregistré en UTF-16. Enregistrez-le en « CSV UTF-8 ».',
	'signals.file.tooLarge': 'Le fichier dépasse {maxBytes} octets.',
	'signals.file.lineTooLong':
		'La ligne {line} dépasse {maxChars} caractères : ce ne semble pas être un fichier CSV.',
	'signals.file.badQuotes': 'Ligne {line} : un guillemet n’est pas fermé ou est mal placé.',
	'signals.file.cellCount': 'La ligne {line} a {found} colonnes, l’en-tête {expected}.',
	'signals.file.invalidUtf8':
		'À partir de la ligne {line}, le fichier n’est plus lisible en UTF-8 : enregistrez-le à nouveau en « CSV UTF-8 ».',
	'signals.format.monthly': 'Chiffres mensuels par unité',
	'signals.format.spells': "Périodes d'absence par travailleur",
	'signals.format.staffing': 'Fichier du personnel par travailleur',
	'signals.format.unknown':
		"Cette ligne d'en-tête ne correspond à aucun des trois formats. Partez d'un modèle.",
	'signals.format.ambiguous':
		"Cette ligne d'en-tête ne permet pas de savoir s'il s'agit d'un fichier d'absences ou d'un fichier du personnel.",
	'signals.format.unknownColumn': 'Colonne inconnue. Supprimez-la ou donnez-lui un nom du modèle.',
	'signals.format.duplicateColumn': 'Cette colonne figure deux fois (aussi comme « {header} »).',
	'signals.format.missingColumn': 'Cette colonne obligatoire manque.',
	'signals.problem.required': 'Cette cellule ne peut pas être vide.',
	'signals.problem.notNumber': "Ce n'est pas un nombre.",
	'signals.problem.notWhole': 'Indiquez un nombre entier.',
	'signals.problem.negative': 'Un nombre négatif est impossible ici.',
	'signals.problem.formula':
		'Cela ressemble à une formule. Mettez la valeur dans la cellule, pas la formule.',
	'signals.problem.ambiguousNumber':
		'Nombre ambigu : le point sépare-t-il les milliers ou les décimales ? Écrivez-le sans séparateur de milliers, avec une virgule décimale (1234 ou 1,234).',
	'signals.problem.tooLarge': 'Trop grand : au maximum {max}.',
	'signals.problem.notDate': "Ce n'est pas une date. Utilisez jj/mm/aaaa ou aaaa-mm-jj.",
	'signals.problem.notMonth': "Ce n'est pas un mois. Utilisez mm/aaaa ou aaaa-mm.",
	'signals.problem.tooEarly': 'Trop tôt : avant {min}.',
	'signals.problem.inFuture': 'Dans le futur : après {max}.',
	'signals.problem.sickAbovePlanned': 'Plus de jours de maladie ({sick}) que de jours prévus ({planned}).',
	'signals.problem.leaversAboveHeadcount': 'Plus de départs ({leavers}) que de travailleurs ({headcount}).',
	'signals.problem.fteAboveHeadcount': "Plus d'ETP ({fte}) que de travailleurs ({headcount}).",
	'signals.problem.aboveHeadcount': 'Plus de personnes ({count}) que de travailleurs ({headcount}).',
	'signals.problem.daysWithoutEndedSpells':
		"Des jours ouvrables d'épisodes terminés, mais aucun épisode terminé.",
	'signals.problem.duplicateUnitMonth': 'Cette unité et ce mois figurent déjà à la ligne {firstLine}.',
	'signals.problem.endBeforeStart': 'La date de fin précède la date de début.',
	'signals.problem.unknownType': "Type d'absence inconnu. Utilisez maladie, accident du travail ou autre.",
	'signals.problem.overlap':
		'Cette période chevauche celle de la ligne {otherLine} pour le même travailleur.',
	'signals.problem.duplicateRow': 'Cette ligne figure déjà à la ligne {firstLine}.',
	'signals.problem.duplicateKey': 'Ce travailleur figure déjà à la ligne {firstLine}.',
	'signals.problem.leaveBeforeStart': "La date de sortie précède la date d'entrée.",
	'signals.problem.fteRange': "L'ETP doit être supérieur à 0 et au maximum {max}.",
	'signals.problem.unknownReason': 'Motif de départ inconnu. Utilisez volontaire, involontaire ou autre.',
	'signals.problem.reasonRequired': 'Une date de sortie demande un motif de départ.',
	'signals.problem.reasonWithoutLeave': 'Un motif de départ sans date de sortie.',
	'signals.problem.keyTooLong': 'Une clé de travailleur compte au maximum {max} caractères.',
	'signals.problem.keyIdentifying':
		'Cette clé ressemble à une adresse e-mail. Utilisez un pseudonyme que personne ne reconnaît.',
	'signals.problem.identifyingKeys':
		'Les clés des travailleurs ressemblent à des numéros de registre national. Utilisez des pseudonymes que personne ne reconnaît.',
	'signals.problem.keyNotInStaffing': 'Ce travailleur ne figure pas dans le fichier du personnel.',
	'signals.problem.periodRequired': 'Choisissez la période que décrit ce fichier du personnel.',
	'signals.problem.filesCombination':
		"Chargez un fichier mensuel seul, ou un fichier d'absences et/ou un fichier du personnel, chacun une seule fois.",
	'signals.problem.unknownUnit': "Code d'unité inconnu « {code} » sur {rows} lignes (premières : {lines}).",
	'signals.problem.more': 'Et encore {count} problèmes.',
	'signals.column.unitCode': 'Code unité',
	'signals.column.month': 'Mois',
	'signals.column.headcount': 'Effectif',
	'signals.column.fte': 'ETP',
	'signals.column.plannedDays': 'Jours prévus',
	'signals.column.sickDaysShort': 'Jours de maladie courte (< 1 mois)',
	'signals.column.sickDaysMedium': 'Jours de maladie moyenne (1 mois à 1 an)',
	'signals.column.sickDaysLong': 'Jours de maladie longue (> 1 an)',
	'signals.column.spells': 'Épisodes de maladie',
	'signals.column.frequentAbsentees': 'Travailleurs avec 3+ épisodes en 12 mois',
	'signals.column.leaversVoluntary': 'Départs volontaires',
	'signals.column.leaversInvoluntary': 'Départs involontaires',
	'signals.column.newIncapacity4w': 'Nouvelles incapacités > 4 semaines',
	'signals.column.ongoingIncapacity1y': 'Incapacités en cours > 1 an',
	'signals.column.workAccidents': 'Accidents du travail',
	'signals.column.jobAdaptationRequests': "Demandes d'adaptation du poste",
	'signals.column.psychosocialRequests': "Demandes d'intervention psychosociale formelle",
	'signals.column.spellsEnded': 'Épisodes de maladie terminés',
	'signals.column.spellsEndedDays': 'Jours ouvrables des épisodes terminés',
	'signals.column.employeeKey': 'Clé travailleur',
	'signals.column.startDate': 'Date de début',
	'signals.column.endDate': 'Date de fin',
	'signals.column.absenceType': "Type d'absence",
	'signals.column.leaveDate': 'Date de sortie',
	'signals.column.leaveReason': 'Motif de départ',

	// lang: language names
	'lang.nl': 'Nederlands',
	'lang.fr': 'Français',
	'lang.en': 'English',

	// role: roles
	'role.admin': 'Administrateur',
	'role.advisor': 'Conseiller en prévention / médecin du travail',
	'role.hr': 'RH',
	'role.manager': 'Responsable hiérarchique',

	// common: shared words
	'common.save': 'Enregistrer',
	'common.cancel': 'Annuler',
	'common.none': 'aucun',
	'common.actions': 'Actions',
	'common.required': 'obligatoire',
	'common.optional': 'facultatif',
	'common.formErrors': "Le formulaire contient des erreurs. Rien n'a été modifié.",

	// login: sign-in
	'login.title': 'Connexion',
	'login.intro':
		"Connectez-vous avec le compte que votre organisation vous a fourni. Les travailleurs qui remplissent le baromètre n'ont pas besoin de compte.",
	'login.email': 'Adresse e-mail',
	'login.password': 'Mot de passe',
	'login.submit': 'Se connecter',
	'login.invalid': 'Cette adresse e-mail et ce mot de passe ne correspondent pas. Veuillez réessayer.',
	'login.throttled': 'Trop de tentatives échouées. Réessayez dans {minutes} min.',
	'login.throttledAccount':
		'Ce compte est temporairement protégé après trop de tentatives échouées. Connectez-vous sur un appareil où vous vous êtes déjà connecté, ou réessayez dans {minutes} min.',
	'login.signedOut': 'Vous êtes déconnecté.',

	// account: own account and password
	'account.title': 'Mon compte',
	'account.mustChange':
		'Vous avez reçu un mot de passe à usage unique. Choisissez maintenant votre propre mot de passe pour continuer.',
	'account.currentPassword': 'Mot de passe actuel',
	'account.newPassword': 'Nouveau mot de passe',
	'account.newPasswordHelp': 'Au moins {min} caractères.',
	'account.confirmation': 'Répétez le nouveau mot de passe',
	'account.submit': 'Modifier le mot de passe',
	'account.changed': 'Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.',

	// orgs: organisations
	'orgs.title': 'Vos organisations',
	'orgs.none':
		"Vous n'êtes (encore) membre d'aucune organisation. Demandez à un administrateur de vous ajouter.",

	// overview: overview page
	'overview.title': "Vue d'ensemble",
	'overview.scopeAll': "Vous voyez toutes les unités de l'organisation.",
	'overview.scopeManager': 'Vous voyez votre propre unité et les unités qui en dépendent.',
	'overview.kNote':
		"Les chiffres concernant des personnes n'apparaissent que pour des groupes d'au moins {k} personnes. Les unités plus petites sont comptées dans l'unité supérieure.",
	'overview.unitsHeading': 'Unités',
	'overview.unitCount': '{count} unités, {headcount} travailleurs',

	// unit: fields of a unit
	'unit.code': 'Code',
	'unit.name': 'Nom',
	'unit.headcount': 'Travailleurs',
	'unit.subtreeHeadcount': 'Y compris les sous-unités',
	'unit.path': "Place dans l'organisation",
	'unit.subtree': 'Unité et sous-unités',
	'unit.pooled': "Moins de {k} travailleurs : comptée dans l'unité supérieure dans les rapports.",
	'unit.archived': 'Archivée',

	// units: units
	'units.title': 'Gérer les unités',
	'units.intro':
		"L'arborescence de l'organisation. Les codes ne changent pas : les fichiers RH y font référence. L'archivage conserve l'historique.",
	'units.add': 'Ajouter une unité',
	'units.parent': 'Unité supérieure',
	'units.noParent': '(aucune : niveau le plus élevé)',
	'units.added': "L'unité {code} a été ajoutée.",
	'units.rename': "Modifier le nom et l'effectif",
	'units.renamed': "L'unité a été modifiée.",
	'units.move': 'Déplacer',
	'units.moveTo': 'Déplacer vers',
	'units.moved': "L'unité a été déplacée.",
	'units.archive': 'Archiver',
	'units.archivedDone': "L'unité a été archivée.",
	'units.archivedOn': 'archivée le {date}',
	'units.edit': 'Modifier',
	'units.editUnit': "Modifier l'unité {code}",
	'units.codeTaken': "Ce code existe déjà dans l'organisation.",
	'units.parentUnknown': "Cette unité n'existe pas dans l'organisation.",
	'units.parentArchived': 'Cette unité est archivée.',
	'units.moveIntoOwnSubtree':
		"Une unité ne peut pas être placée sous elle-même ni sous l'une de ses sous-unités.",
	'units.archivedNoChange': 'Une unité archivée ne peut plus être modifiée.',
	'units.hasActiveChildren':
		"Cette unité compte encore {count} sous-unités actives. Déplacez-les ou archivez-les d'abord.",
	'units.import': 'Importer depuis un fichier CSV',
	'units.importIntro':
		"Un fichier CSV avec les colonnes code, nom, code parent et (facultatif) effectif. Les nouveaux codes sont ajoutés, les codes existants sont mis à jour. À la moindre erreur, rien n'est importé.",
	'units.importFile': 'Fichier CSV',
	'units.importSubmit': 'Importer',
	'units.importDone':
		'Importation terminée : {created} ajoutées, {updated} modifiées, {unchanged} inchangées.',
	'units.importFailed': "Le fichier contient {count} erreurs. Rien n'a été importé.",
	'units.importMore': 'Et encore {count} erreurs.',
	'units.template': "Télécharger un fichier d'exemple",

	// import: import of units from a file
	'import.line': 'Ligne',
	'import.column': 'Colonne',
	'import.value': 'Valeur',
	'import.problem': 'Problème',
	'import.empty': 'Le fichier est vide.',
	'import.headerOnly': "Le fichier ne contient qu'une ligne d'en-tête, sans données.",
	'import.missingColumn': 'La colonne « {column} » est manquante.',
	'import.duplicateCode': 'Ce code figure déjà à la ligne {firstLine}.',
	'import.cycle': "Cela crée une boucle : l'unité se retrouverait sous elle-même.",
	'import.malformedQuotes': 'Des guillemets ne sont pas correctement fermés.',
	'import.tooManyFields': "Cette ligne compte plus de colonnes que la ligne d'en-tête.",
	'import.noFile': 'Choisissez un fichier.',
	'import.notText': "Ce n'est pas un fichier texte (CSV).",
	'import.tooLarge': 'Le fichier est trop volumineux (maximum {max} Mo).',

	// users: users
	'users.title': 'Utilisateurs',
	'users.intro':
		"Qui peut consulter et gérer l'organisation. Un responsable hiérarchique ne voit que sa propre unité et ce qui en dépend.",
	'users.add': 'Ajouter un utilisateur',
	'users.email': 'Adresse e-mail',
	'users.displayName': 'Nom',
	'users.role': 'Rôle',
	'users.unit': 'Unité (pour un responsable hiérarchique)',
	'users.language': 'Langue',
	'users.languageDefault': "Langue de l'organisation",
	'users.create': 'Ajouter',
	'users.created': 'Compte ajouté pour {name}.',
	'users.oneTimePassword': 'Mot de passe à usage unique',
	'users.oneTimeNote':
		"Communiquez ce mot de passe en personne. Il n'est affiché qu'une seule fois ; lors de sa première connexion, l'utilisateur choisit son propre mot de passe.",
	'users.existingAccount':
		'Cette personne avait déjà un compte et se connecte avec son mot de passe existant.',
	'users.status': 'Statut',
	'users.active': 'Actif',
	'users.inactive': 'Désactivé',
	'users.pendingPassword': 'Première connexion pas encore effectuée',
	'users.deactivate': 'Désactiver',
	'users.reactivate': 'Réactiver',
	'users.deactivated': "L'utilisateur a été désactivé.",
	'users.reactivated': "L'utilisateur est de nouveau actif.",
	'users.changeRole': 'Modifier le rôle',
	'users.roleChanged': 'Le rôle a été modifié.',
	'users.resetPassword': 'Nouveau mot de passe à usage unique',
	'users.resetDone': 'Nouveau mot de passe à usage unique pour {name} :',
	'users.managerNeedsUnit': "Choisissez l'unité de ce responsable hiérarchique.",
	'users.alreadyMember': "Cette personne est déjà membre de l'organisation.",
	'users.notYourself': 'Vous ne pouvez pas faire cela pour votre propre compte.',
	'users.sharedAccount':
		'Ce compte appartient aussi à une autre organisation ; seule la personne elle-même peut en modifier le mot de passe.',
	'users.pendingElsewhere':
		"Ce compte n'a pas encore choisi son propre mot de passe. Ajoutez-le après la première connexion de la personne.",

	// settings: organisation settings
	'settings.title': "Paramètres de l'organisation",
	'settings.name': 'Nom',
	'settings.language': 'Langue par défaut',
	'settings.k': 'Taille minimale des groupes (k)',
	'settings.kHelp':
		'Aucun écran ni aucune exportation ne montre quoi que ce soit sur moins de k personnes. 5 par défaut, jamais moins de 3.',
	'settings.sensitiveK': 'Taille minimale des groupes pour les thèmes sensibles',
	'settings.sensitiveKHelp':
		'Pour des thèmes comme les comportements abusifs au travail. 10 par défaut, jamais moins que k.',
	'settings.saved': 'Les paramètres ont été enregistrés.',

	// error: error pages
	'error.title': "Une erreur s'est produite",
	'error.notFound': "Cette page n'existe pas, ou vous n'y avez pas accès.",
	'error.forbidden': 'Votre rôle ne donne pas accès à cette page.',
	'error.badRequest': "Cette demande est incorrecte et n'a pas été exécutée.",
	'error.payloadTooLarge': "Ce que vous avez envoyé est trop volumineux. Rien n'a été modifié.",
	'error.methodNotAllowed': "Cette action n'est pas possible ici.",
	'error.unexpected':
		"Une erreur inattendue s'est produite. Rien n'a été modifié. Veuillez réessayer plus tard.",
	'error.unavailable': 'Le service est momentanément indisponible. Réessayez dans une minute.',
	'error.crossSite': "Ce formulaire a été envoyé depuis un autre site et a été refusé. Rien n'a changé.",
	'error.back': "Retour à l'accueil",
	'error.status': "Code d'erreur {status}",

	// validation: form validation
	'validation.required': 'Ce champ est obligatoire.',
	'validation.tooLong': 'Maximum {max} caractères.',
	'validation.language': "Choisissez le néerlandais, le français ou l'anglais.",
	'validation.wholeNumber': 'Indiquez un nombre entier (0 ou plus).',
	'validation.kFloor': 'Au moins {min} : les groupes plus petits ne sont pas anonymes.',
	'validation.max': 'Maximum {max}.',
	'validation.sensitiveBelowK': 'Ne peut pas être inférieure à la taille minimale des groupes k.',
	'validation.unitCode':
		'Utilisez de 1 à 32 lettres, chiffres, points, tirets ou tirets bas, en commençant par une lettre ou un chiffre.',
	'validation.email': "Ce n'est pas une adresse e-mail valide.",
	'validation.role': 'Choisissez un rôle.',
	'validation.passwordLength': "Choisissez un mot de passe d'au moins {min} caractères.",
	'validation.passwordMismatch': 'Les deux mots de passe ne sont pas identiques.',
	'validation.date': 'Indiquez une date valide.',

	// auth: sign-in and password refusals
	'auth.invalid': 'La connexion a échoué.',
	'auth.currentPasswordWrong': 'Le mot de passe actuel est incorrect.',
	'auth.samePassword': "Choisissez un mot de passe différent de l'actuel.",

	// barometer: the barometer questionnaire
	'barometer.title': 'Baromètre psychosocial',
	'barometer.intro':
		"{count} questions courtes sur votre travail au cours des quatre dernières semaines. Vous pouvez répondre jusqu'au {date} ; cela prend environ cinq minutes.",
	'barometer.formProblems': "Vos réponses n'ont pas encore été envoyées. Complétez ce qui manque :",
	'barometer.answersMissing': 'Questions sans réponse : {count}.',
	'barometer.answersInvalid':
		"Réponses qui n'existent pas : {count}. Choisissez chaque fois l'une des options.",
	'barometer.yourUnit': 'Votre équipe ou service',
	'barometer.chooseUnitOption': 'Choisissez votre équipe ou service',
	'barometer.unitHelp':
		"Ce n'est pas correct ? Choisissez l'équipe où vous travaillez le plus. Vos réponses ne comptent que dans des groupes de personnes suffisamment nombreux.",
	'barometer.questionOf': 'Question {n} sur {total}',
	'barometer.submit': 'Envoyer mes réponses',
	'barometer.closed': "Cette mesure est clôturée. Plus aucune réponse n'est acceptée.",
	'barometer.notYetOpen': "Cette mesure n'est pas encore ouverte. Réessayez plus tard.",
	'barometer.codeIntro':
		"Vous avez reçu un code personnel ? Saisissez-le ici. Dès que vous le saisissez, il est utilisé : remplissez ensuite le questionnaire dans ce navigateur (vous pourrez y revenir plus tard dans le même navigateur). Le code garantit seulement que vous ne répondez qu'une fois ; vos réponses n'y sont jamais liées.",
	'barometer.code': 'Code personnel',
	'barometer.codeHelp': "Par exemple ABCD-EFGH-JKLM. Les majuscules et les tirets n'ont pas d'importance.",
	'barometer.start': 'Commencer',
	'barometer.codeInvalid':
		"Ce code n'est pas valable ou a déjà été utilisé. Vous ne l'avez pas utilisé vous-même ? Quelqu'un d'autre l'a peut-être fait : demandez un nouveau code à votre conseiller en prévention. Vos réponses ne sont jamais liées à un code.",
	'barometer.linkFull':
		'Cette équipe ou ce service ne peut plus recevoir de réponses par le lien : il y en a déjà autant que de membres du personnel. Vous avez reçu un code personnel ? Utilisez-le. Sinon, votre conseiller en prévention peut vous en donner un.',
	'barometer.linkNoHeadcount':
		"Cette équipe ou ce service ne peut pas recevoir de réponses par le lien, car son effectif n'est pas connu. Demandez un code personnel à votre conseiller en prévention.",
	'barometer.linkAnsweredHere':
		'Cette mesure a déjà été remplie par le lien depuis ce navigateur. Chaque personne répond une fois. Vous partagez un ordinateur avec des collègues ? Demandez alors un code personnel à votre conseiller en prévention.',
	'barometer.resumed':
		'Vous avez déjà ouvert un code personnel dans ce navigateur : vous pouvez continuer ici.',
	'barometer.otherCode': "Ce n'est pas votre code ? Saisissez un autre code.",
	'barometer.formExpired': "Ce formulaire n'est plus valable. Rechargez la page et remplissez-le à nouveau.",
	'barometer.chooseUnit': "Choisissez l'équipe ou le service où vous travaillez.",

	// answer: refused answers
	'answer.missing': 'Choisissez une réponse.',
	'answer.outOfRange': "Cette réponse n'existe pas. Choisissez l'une des options.",
	'answer.notANumber': "Cette réponse n'existe pas. Choisissez l'une des options.",
	'answer.unknownItem': "Le formulaire contient une question qui n'appartient pas à cette mesure.",

	// privacy: privacy notice for respondents
	'privacy.title': 'Anonyme, et pourquoi nous le demandons',
	'privacy.what':
		'Nous vous demandons comment vous avez vécu votre travail ces quatre dernières semaines : charge de travail, énergie, tension, contacts avec les collègues.',
	'privacy.anonymous':
		'Vos réponses sont anonymes : nous ne conservons ni nom, ni adresse e-mail, ni adresse IP, ni heure, seulement la date et votre équipe.',
	'privacy.whoSees':
		"Personne ne voit vos réponses. {organisation} ne voit que des chiffres sur des groupes d'au moins {k} personnes ({sensitiveK} pour les comportements abusifs au travail).",
	'privacy.why':
		'Le conseiller en prévention et le médecin du travail utilisent ces chiffres de groupe pour trouver et traiter les causes de stress dans le travail, pas pour juger les personnes.',
	'privacy.result':
		"Après l'envoi, vous voyez immédiatement votre propre résultat et où trouver de l'aide. Ce résultat n'est conservé nulle part.",

	// result: a respondent's own result
	'result.title': 'Votre résultat',
	'result.thanks': 'Merci. Vos réponses ont été envoyées anonymement.',
	'result.notDiagnosis': "Ceci n'est pas un diagnostic.",
	'result.intro':
		"C'est un instantané de la façon dont votre travail a pesé sur vous ces dernières semaines. Il peut vous aider à en parler.",
	'result.provisional':
		"Les limites entre vert, orange et rouge sont provisoires : elles n'ont pas encore été vérifiées par rapport à une norme externe.",
	'result.band.green.high': 'Vert : peu de signaux.',
	'result.band.orange.high': "Orange : plus de signaux qu'il ne faudrait. Restez attentif.",
	'result.band.red.high': "Rouge : beaucoup de signaux. Parlez-en à quelqu'un de confiance.",
	'result.band.green.low': 'Vert : cela va bien.',
	'result.band.orange.low': "Orange : plus bas qu'il ne faudrait. Restez attentif.",
	'result.band.red.low': "Rouge : bas. Parlez-en à quelqu'un de confiance.",
	'result.band.none': 'Trop peu de réponses pour en dire quelque chose.',
	'result.helpTitle': "Où trouver de l'aide ?",
	'result.helpUrgent':
		"Votre résultat montre beaucoup de signaux sur au moins un point. N'attendez pas trop pour en parler : les personnes ci-dessous sont là pour cela.",
	'result.help.physician.title': 'Le médecin du travail.',
	'result.help.physician.text':
		"Vous pouvez toujours demander vous-même une consultation spontanée, même en dehors d'un examen périodique. L'entretien est confidentiel ; votre employeur n'en sait rien sans votre accord.",
	'result.help.paps.title': 'Le conseiller en prévention aspects psychosociaux.',
	'result.help.paps.text':
		'Pour le stress lié au travail, les conflits ou les comportements abusifs, vous pouvez demander un entretien confidentiel et, si vous le souhaitez, une intervention informelle ou formelle.',
	'result.help.reboost.title': 'Reboost.',
	'result.help.reboost.text':
		'Des entretiens préventifs pour renforcer votre résilience avant que la tension ne devienne trop forte.',
	'result.help.reload.title': 'Reload.',
	'result.help.reload.text':
		'Trois entretiens en cas de signes de surmenage, pour voir ce qui se passe et ce qui peut aider.',
	'result.help.reconnect.title': 'Reconnect.',
	'result.help.reconnect.text': 'Un accompagnement pour reprendre le travail après un congé de maladie.',
	'result.help.gp.title': 'Votre médecin généraliste.',
	'result.help.gp.text':
		'Pour des plaintes qui ne concernent pas seulement le travail, ou si vous ne vous sentez pas bien.',
	'result.notStored':
		"Cette page n'est pas conservée et personne ne peut la rouvrir. Si vous voulez la garder, imprimez-la maintenant.",

	// waves: waves
	'waves.title': 'Mesures',
	'waves.intro':
		'Une mesure permet aux travailleurs de remplir le baromètre entre deux dates, via un lien par équipe ou avec des codes personnels.',
	'waves.new': 'Nouvelle mesure',
	'waves.empty': 'Pas encore de mesures.',
	'waves.name': 'Nom',
	'waves.period': 'Période',
	'waves.statusLabel': 'Statut',
	'waves.status.planned': 'Planifiée',
	'waves.status.open': 'Ouverte',
	'waves.status.closed': 'Clôturée',
	'waves.instrument': 'Questionnaire',
	'waves.includeModule': 'Inclure les facteurs de travail (charge, autonomie, soutien…)',
	'waves.includeModuleHelp': "Recommandé : un plan d'action peut ainsi viser les causes dans le travail.",
	'waves.module': 'facteurs de travail',
	'waves.language': 'Langue par défaut pour les travailleurs',
	'waves.opensOn': "S'ouvre le",
	'waves.closesOn': 'Se clôture après',
	'waves.newClosesOn': 'Nouvelle date de clôture',
	'waves.units': 'Unités',
	'waves.unitsHelp': 'Chaque unité choisie reçoit son propre lien et son affiche.',
	'waves.create': 'Créer la mesure',
	'waves.unknownInstrument': 'Choisissez un questionnaire dans la liste.',
	'waves.closesInPast': 'La date de clôture est dans le passé.',
	'waves.closesBeforeOpens': "La date de clôture précède la date d'ouverture.",
	'waves.noUnits': 'Choisissez au moins une unité.',
	'waves.noModule': "Ce questionnaire n'a pas de module facteurs de travail.",
	'waves.codeCount': 'Choisissez un nombre entre 1 et {max}.',
	'waves.kFrozen': 'Taille minimale de groupe pour cette mesure : {k} (fixée à la création).',
	'waves.provisional': 'Les seuils du questionnaire sont provisoires.',
	'waves.close': 'Clôturer la mesure',
	'waves.reopen': 'Rouvrir la mesure',
	'waves.closedDone': 'La mesure a été clôturée.',
	'waves.reopenedDone': 'La mesure a été rouverte.',
	'waves.codes': 'Codes personnels',
	'waves.codesIntro':
		"Des codes à usage unique, en CSV pour un publipostage. Seule une forme chiffrée est conservée : enregistrez le fichier tout de suite, il ne peut pas être téléchargé à nouveau. Un code n'est jamais lié à un nom ni à une réponse.",
	'waves.codesExisting':
		"{total} codes créés. Le nombre de codes déjà utilisés n'est pas affiché : il révélerait quand quelqu'un a répondu.",
	'waves.codesCount': 'Nombre de codes',
	'waves.codesGenerate': 'Créer et télécharger les codes',
	'waves.csvCode': 'code',
	'waves.csvLink': 'lien',
	'waves.participation': 'Participation',
	'waves.progressHelp':
		"Tant qu'une unité n'a pas {k} réponses, nous n'affichons rien. Ensuite seulement une fourchette pendant la mesure, le nombre seulement après la clôture.",
	'waves.progress.belowK': 'Pas encore {k} réponses',
	'waves.progress.band.under25': 'Moins de 25 % de réponses',
	'waves.progress.band.25to50': '25 à 50 % de réponses',
	'waves.progress.band.50to75': '50 à 75 % de réponses',
	'waves.progress.band.75plus': '75 % de réponses ou plus',
	'waves.progress.band.unknown': 'Au moins le minimum atteint (effectif inconnu)',
	'waves.progress.final': '{count} réponses ({rate} %)',
	'waves.progress.finalNoRate': '{count} réponses',
	'waves.progress.atLeastK': 'Au moins {k} réponses',
	'waves.progress.band.under50': 'Moins de 50 % de réponses',
	'waves.progress.closedHelp':
		"Après la clôture, la participation suit les mêmes règles que les résultats : une unité que les résultats ne montrent pas n'affiche pas de nombre ici non plus, seulement la raison.",
	'waves.participationOrganisation': "Toute l'organisation : {count} réponses",
	'waves.participationShow': 'Afficher la participation',
	'waves.participationShowHelp':
		'Cela rend les résultats de cette mesure définitifs : elle ne pourra plus être rouverte.',
	'waves.entry': 'Comment le personnel répond-il ?',
	'waves.entry.codes': 'Avec des codes personnels (recommandé)',
	'waves.entry.codesHelp':
		'Chaque membre du personnel reçoit son propre code, valable une fois. Personne ne peut ajouter des réponses à une équipe.',
	'waves.entry.links': 'Avec un lien par unité',
	'waves.entry.linksHelp':
		"Facile à diffuser (affiche, code QR), mais toute personne qui a le lien peut répondre, jusqu'à l'effectif de l'unité. Une unité sans effectif ne reçoit pas de réponses par son lien.",
	'waves.entryUnknown': 'Choisissez comment le personnel répond.',
	'waves.entryCodesOnly':
		"Le personnel répond avec des codes personnels. Cette mesure n'a pas de lien par unité.",
	'waves.linkRisk.title': "Ce qu'une mesure par liens ne peut pas protéger",
	'waves.linkRisk.text':
		"Toute personne qui a le lien d'une unité peut répondre plus d'une fois, jusqu'à l'effectif de cette unité. Quelqu'un peut ainsi compléter une petite équipe avec ses propres réponses, connues, puis calculer les réponses d'un collègue. Utilisez des codes personnels si cela compte.",
	'waves.linkRisk.rules':
		"Une unité a besoin d'un effectif pour recevoir des réponses par son lien. Si, à la clôture, une unité a plus de réponses par lien que d'effectif, elle n'est pas montrée et ses réponses ne comptent nulle part.",
	'waves.linkOffCodes':
		"Cette mesure fonctionne avec des codes personnels : ce lien n'accepte pas de réponses. Saisissez votre code personnel sur la page du baromètre (/b), ou demandez un code à votre conseiller en prévention.",
	'waves.reopenReleased':
		'Cette mesure ne peut plus être rouverte : ses résultats ont déjà été consultés et sont définitifs.',
	'waves.final':
		"Les résultats de cette mesure ont déjà été consultés et sont définitifs. La rouvrir n'est plus possible : une deuxième version des mêmes chiffres rendrait visible la différence, et donc les réponses de quelqu'un.",
	'waves.reopenUntilRead':
		"La réouverture reste possible tant que personne n'a rien consulté de cette mesure. Ouvrir les résultats, une page d'unité ou la participation ci-dessous les rend définitifs.",
	'waves.overfull':
		"non affiché : plus de réponses par le lien que d'effectif ; ces réponses ne comptent nulle part",
	'waves.overfullUnits':
		"Non affichées, car plus de réponses par le lien que d'effectif (ces réponses ne comptent nulle part) : {units}.",
	'waves.overfullWave':
		"{wave} : non affichée, car plus de réponses par le lien que d'effectif ; ces réponses ne comptent nulle part.",
	'waves.link': 'Lien et affiche',
	'waves.poster': "Imprimer l'affiche",

	// poster: wave poster
	'poster.title': 'Comment se passe votre travail ?',
	'poster.lead': 'Remplissez le baromètre anonyme pour {unit}.',
	'poster.qrLabel': 'Code QR vers le baromètre',
	'poster.anonymous':
		"Anonyme : personne ne voit vos réponses, seulement des chiffres sur des groupes d'au moins {k} personnes.",
	'poster.time': 'Environ cinq minutes, sur votre téléphone ou ordinateur.',
	'poster.until': "Vous pouvez répondre jusqu'au {date}.",

	// instrument: refusals of an instrument file
	'instrument.notObject': 'Ceci doit être un groupe de champs nommés (un objet).',
	'instrument.notList': 'Ceci doit être une liste.',
	'instrument.missing': 'Ce champ manque.',
	'instrument.notText':
		'Un texte est nécessaire en néerlandais, français et anglais ; cette langue manque ou est vide.',
	'instrument.tooLong': 'Ce texte dépasse {max} caractères.',
	'instrument.notBoolean': 'Ceci doit être true ou false.',
	'instrument.key':
		'Une clé compte 2 à 63 lettres minuscules, chiffres ou tirets et commence par une lettre ou un chiffre.',
	'instrument.id':
		'Un identifiant compte 1 à 63 lettres minuscules, chiffres ou tirets et commence par une lettre ou un chiffre.',
	'instrument.version': "La version doit être un nombre entier d'au moins 1.",
	'instrument.scale':
		"L'échelle de réponse demande des nombres entiers min < max, au plus {maxValues} valeurs, et une étiquette par valeur.",
	'instrument.duplicateId': "L'identifiant « {id} » est utilisé plus d'une fois.",
	'instrument.unknownDimension':
		"Cette question appartient à la dimension « {dimension} », qui n'existe pas dans cette partie.",
	'instrument.emptyDimension': "La dimension « {id} » n'a pas de questions.",
	'instrument.noItems': 'Il faut au moins une question.',
	'instrument.bands':
		'Les seuils sont compris entre 0 et 100 ; orange est sous rouge quand les scores élevés sont le risque, au-dessus quand ce sont les scores bas.',
	'instrument.scoring':
		'La méthode de score doit être « mean » et la part minimale de réponses supérieure à 0 et au plus 1.',
	'instrument.domain': "Le domaine de risque doit être l'un des cinq domaines légaux.",
	'instrument.tooLarge': 'Un instrument compte au plus {max} questions et {max} dimensions.',
	'instrument.notJson': "Ceci n'est pas du JSON valide.",
	'instrument.builtInKey': 'Cette clé est réservée à un questionnaire intégré.',
	'instrument.versionExists':
		'La version {version} de ce questionnaire existe déjà. Un questionnaire modifié reçoit un nouveau numéro de version.',
	'instrument.at': 'À {path} ({count} problèmes au total) :',

	// instruments: instruments
	'instruments.title': 'Questionnaires',
	'instruments.intro':
		"Le baromètre intégré et les questionnaires chargés par l'organisation, par exemple un instrument validé pour lequel elle a une licence. Chaque mesure garde la version avec laquelle elle a commencé.",
	'instruments.builtIn': 'intégré',
	'instruments.items': '{count} questions',
	'instruments.upload': 'Charger un questionnaire (JSON)',
	'instruments.uploadHelp':
		"La même forme que le baromètre intégré : clé, version, échelle, dimensions avec seuils et questions en trois langues. Une erreur et rien n'est chargé.",
	'instruments.file': 'Fichier JSON',
	'instruments.submit': 'Charger',
	'instruments.loaded': 'Le questionnaire {key} version {version} a été chargé.',
	'instruments.download': 'Le baromètre intégré comme exemple (JSON)',
	'instruments.provisional': 'seuils provisoires',

	// unitResults: a unit's results page
	'unitResults.historyTitle': 'Baromètre : cette unité par mesure',
	'unitResults.historyIntro':
		'Pour chaque thème, la part de personnes en orange ou en rouge et le score moyen (0–100) de cette unité avec ses sous-unités, à chaque mesure clôturée, à côté de l’organisation entière. Un chiffre n’apparaît que si les règles d’anonymat le permettent.',
	'unitResults.historyCaption': 'Part en orange ou en rouge et score moyen par thème et par mesure',
	'unitResults.dimension': 'Thème',
	'unitResults.organisationIn': 'Organisation, {wave}',
	'unitResults.respondents': 'Réponses',
	'unitResults.cell': '{share} orange/rouge, moyenne {mean}',
	'unitResults.pooledInto':
		'{wave} : trop peu de réponses pour afficher cette unité seule ; ses réponses comptent dans {unit}.',
	'unitResults.pooledIntoOrganisation':
		'{wave} : trop peu de réponses pour afficher cette unité seule ; ses réponses comptent dans l’organisation entière.',
	'unitResults.includes': '{wave} : y compris {units}.',
	'unitResults.notAsked': 'non demandé',
	'unitResults.noWaves': 'Il n’y a pas encore de mesure clôturée.',
	'unitResults.signalsTitle': 'Signaux collectifs de cette unité',
	'unitResults.signalsIntro':
		'Chiffres issus des données RH pour cette unité avec ses sous-unités. Un chiffre mensuel de santé n’apparaît que si l’unité compte au moins {k} personnes ce mois-là et ne permet pas de calculer un groupe plus petit ; un chiffre annuel seulement si c’était le cas chaque mois de l’année.',
	'unitResults.noSignals': 'Aucun signal collectif n’a encore été chargé pour cette organisation.',
	'unitResults.signalsCaption':
		'Indicateurs de cette unité à côté de son propre historique et de l’organisation',
	'unitResults.indicator': 'Indicateur',
	'unitResults.lastMonth': '{month}',
	'unitResults.rolling': '12 mois jusqu’à {month}',
	'unitResults.organisationRolling': 'Organisation, 12 mois jusqu’à {month}',
	'unitResults.chartTitle': 'Absentéisme maladie par mois',
	'unitResults.chartDescription':
		'Graphique linéaire de l’absentéisme maladie de cette unité par mois et sur 12 mois, avec l’organisation sur 12 mois, de {from} à {to}. Les chiffres figurent aussi dans le tableau ci-dessous.',
	'unitResults.chartTable': 'Chiffres du graphique',
	'unitResults.month': 'Mois',
	'unitResults.series.unitMonth': 'cette unité, par mois',
	'unitResults.series.unitRolling': 'cette unité, 12 mois',
	'unitResults.series.organisationRolling': 'organisation, 12 mois',
	'unitResults.suppressed.below-k': 'non affiché : moins de {k} personnes',
	'unitResults.suppressed.secondary': 'non affiché : permettrait de calculer un petit groupe',
	'unitResults.suppressed.remainder': 'non affiché : le reste du groupe est trop petit',
	'unitResults.suppressed.sensitive': 'non affiché : groupe minimum plus élevé',
	'unitResults.suppressed.no-data': 'pas de données',
	'unitResults.suppressed.changed':
		'non affiché : corrigé après avoir été affiché, trop peu de personnes maintenant',

	// indicator: indicators of collective signals
	'indicator.absenceRate': 'Absentéisme maladie',
	'indicator.absenceRateShort': 'Absentéisme court (jusqu’à 1 mois)',
	'indicator.absenceRateMedium': 'Absentéisme moyen (1 à 12 mois)',
	'indicator.absenceRateLong': 'Absentéisme long (plus d’un an)',
	'indicator.frequency': 'Fréquence des absences',
	'indicator.frequentAbsenteeism': 'Absences fréquentes (3 périodes ou plus en 12 mois)',
	'indicator.averageSpellDuration': 'Durée moyenne d’une période de maladie',
	'indicator.turnoverVoluntary': 'Rotation volontaire',
	'indicator.turnoverInvoluntary': 'Rotation involontaire',
	'indicator.newLongIncapacityPer100Fte': 'Nouvelles incapacités de travail de plus de 4 semaines',
	'indicator.accidentsPer100Fte': 'Accidents du travail',
	'indicator.value.percent': '{value} %',
	'indicator.value.percentPerYear': '{value} % par an',
	'indicator.value.perEmployeePerYear': '{value} par personne par an',
	'indicator.value.days': '{value} jours ouvrables',
	'indicator.value.per100FtePerYear': '{value} pour 100 ETP par an',

	// measure: measures of an action plan
	'measure.notText': 'Saisissez un texte ici.',
	'measure.unitUnknown': "Cette unité n'existe pas (ou plus) dans cette organisation.",
	'measure.ownerUnknown': "Cette personne n'est pas membre active de cette organisation.",
	'measure.targetRequired': 'Choisissez au moins une cible : une dimension ou un signal.',
	'measure.targetUnknown': 'Cible inconnue : {target}.',
	'measure.domain': 'Choisissez un des cinq domaines des risques psychosociaux.',
	'measure.preventionLevel': 'Choisissez la prévention primaire, secondaire ou tertiaire.',
	'measure.applicationLevel': "Choisissez le niveau : l'organisation, un groupe ou un individu.",
	'measure.status': 'Choisissez un statut : prévue, en cours, réalisée ou abandonnée.',
	'measure.droppedReasonRequired': 'Indiquez pourquoi la mesure de prévention a été abandonnée.',
	'measure.dueBeforeStart': "L'échéance ne peut pas précéder la date de début.",
	'measure.amount': 'Saisissez un nombre de 0 ou plus, avec au maximum deux décimales.',
	'measure.managementSupport': 'Choisissez oui, en partie ou non.',
	'measure.followUp': 'Choisissez oui ou non.',
	'measure.noteInFuture': "Une note ne peut pas être datée après aujourd'hui.",
	'measure.listTitle': 'Mesures de prévention',
	'measure.intro':
		"Les mesures de prévention du plan d'action : ce qui est fait des constats du baromètre et des signaux.",
	'measure.new': 'Nouvelle mesure de prévention',
	'measure.none': 'Pas encore de mesures de prévention.',
	'measure.all': 'Toutes les mesures de prévention',
	'measure.field.title': 'Titre',
	'measure.field.unit': 'Unité',
	'measure.field.targets': 'Ce que vise la mesure',
	'measure.field.domain': 'Domaine de risque',
	'measure.field.preventionLevel': 'Niveau de prévention',
	'measure.field.applicationLevel': "Niveau d'application",
	'measure.field.owner': 'Responsable',
	'measure.field.ownerRole': 'Responsable (fonction)',
	'measure.field.ownerRoleHelp': 'Qui porte la mesure, en tant que fonction : p. ex. HR business partner.',
	'measure.field.startsOn': 'Début',
	'measure.field.dueOn': 'Échéance',
	'measure.field.status': 'Statut',
	'measure.field.droppedReason': 'Pourquoi abandonnée',
	'measure.field.droppedReasonHelp': 'Nécessaire seulement si le statut est « abandonnée ».',
	'measure.field.budgetEuro': 'Budget (euros)',
	'measure.field.hours': 'Heures',
	'measure.field.description': 'Description',
	'measure.field.implementation': "Comment s'est passée la mise en œuvre",
	'measure.field.perception': "Comment les personnes concernées l'ont perçue",
	'measure.field.managementSupport': 'Soutien de la direction',
	'measure.field.followUp': 'Nécessite un suivi',
	'measure.dimensions': 'Dimensions et facteurs de travail du baromètre',
	'measure.signals': 'Signaux',
	'measure.organisation': "Toute l'organisation",
	'measure.ownerMember': "Un membre de l'organisation",
	'measure.flag.overdue': 'En retard',
	'measure.flag.noOwner': 'Pas de responsable',
	'measure.balance':
		"{count} des {total} mesures de prévention s'adressent à des individus ou sont tertiaires. La loi et le Conseil Supérieur de la Santé donnent la priorité aux mesures collectives qui changent le travail lui-même.",
	'measure.status.planned': 'Planifiée',
	'measure.status.in-progress': 'En cours',
	'measure.status.done': 'Réalisée',
	'measure.status.dropped': 'Abandonnée',
	'measure.level.primary': 'Primaire : changer le travail',
	'measure.level.secondary': 'Secondaire : aider à faire face',
	'measure.level.tertiary': 'Tertiaire : soins et retour au travail',
	'measure.application.organisation': 'Organisation',
	'measure.application.group': 'Groupe ou unité',
	'measure.application.individual': 'Individu',
	'measure.riskDomain.work-organisation': 'Organisation du travail',
	'measure.riskDomain.job-content': 'Contenu du travail',
	'measure.riskDomain.terms-of-employment': 'Conditions de travail',
	'measure.riskDomain.working-conditions': 'Conditions de vie au travail',
	'measure.riskDomain.interpersonal-relations': 'Relations interpersonnelles au travail',
	'measure.support.yes': 'Oui',
	'measure.support.partly': 'En partie',
	'measure.support.no': 'Non',
	'measure.suggestions': 'Suggestions du catalogue',
	'measure.suggestionsHelp':
		'Choisissez ci-dessus ce que vise la mesure et demandez des suggestions. Les mesures collectives qui changent le travail viennent en premier.',
	'measure.showSuggestions': 'Afficher les suggestions',
	'measure.noSuggestions': 'Aucune suggestion pour ce choix.',
	'measure.useSuggestion': 'Utiliser : {title}',
	'measure.watchOut': 'Attention',
	'measure.fromCatalogue':
		"Rempli à partir du catalogue : {title}. Adaptez si nécessaire avant d'enregistrer.",
	'measure.create': 'Enregistrer la mesure de prévention',
	'measure.edit': 'Modifier la mesure de prévention',
	'measure.save': 'Enregistrer les modifications',
	'measure.saved': 'La mesure de prévention a été modifiée.',
	'measure.created': 'La mesure de prévention a été enregistrée.',
	'measure.afterwards': 'Après la mise en œuvre',
	'measure.progress': 'Avancement',
	'measure.changeStatus': 'Changer le statut',
	'measure.notes': 'Notes',
	'measure.noNotes': 'Pas encore de notes.',
	'measure.note': 'Note',
	'measure.noteWrittenOn': 'Date',
	'measure.noteWrittenOnHelp': "Laisser vide pour aujourd'hui.",
	'measure.addNote': 'Ajouter une note',
	'measure.noteAdded': 'La note a été ajoutée.',
	'measure.noteBy': '{date}, {name}',
	'measure.unknownAuthor': 'inconnu',
	'measure.forUnit': 'Mesures de prévention pour cette unité',
	'measure.noneForUnit': 'Pas encore de mesures de prévention pour cette unité.',
	'measure.flags': "Points d'attention"
};
