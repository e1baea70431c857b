/** Dutch: the source language. fr.ts and en.ts must have exactly these keys (the type enforces it). */
export const nl = {
	// app: the application
	'app.name': 'Knipperlicht',
	'app.tagline':
		'Zie burn-outrisico in teams vroeg en pak de oorzaken in het werk aan, zonder ooit één persoon bloot te stellen.',
	'app.notDiagnosis': 'Knipperlicht toont risico-indicatoren over groepen, nooit een diagnose over personen.',

	// nav: main menu and page frame
	'nav.main': 'Hoofdmenu',
	'nav.skipToContent': 'Naar de inhoud',
	'nav.overview': 'Overzicht',
	'nav.units': 'Eenheden',
	'nav.users': 'Gebruikers',
	'nav.settings': 'Instellingen',
	'nav.audit': 'Logboek',
	'nav.account': 'Mijn account',
	'nav.organisations': 'Organisaties',
	'nav.signOut': 'Afmelden',
	'nav.signedInAs': 'Aangemeld als {name}',
	'nav.language': 'Taal',
	'nav.switchLanguage': 'Taal wijzigen',
	'nav.results': 'Resultaten',
	'nav.signals': 'Signalen',
	'nav.waves': 'Metingen',
	'nav.instruments': 'Vragenlijsten',

	// warning: early warning: units that need attention
	'warning.moreReasons': '{count} andere redenen',
	'warning.title': 'Eenheden die aandacht vragen',
	'warning.intro':
		'Een eenheid staat in deze lijst wanneer een signaal afwijkt van haar eigen verleden of van de organisatie, of blijft afwijken. Een signaal is een aanleiding om samen met het team naar het werk te kijken (werkdruk, organisatie van het werk, middelen, relaties), geen diagnose en geen oordeel over personen.',
	'warning.none': 'Geen eenheden met signalen die nu aandacht vragen.',
	'warning.pointsExplained':
		'Elke maand boven de band telt 1 punt (hoogstens 4 per signaal); elke meting op rij met een duidelijke verslechtering telt 2 punten (hoogstens 4). De volgorde volgt de som van de punten.',
	'warning.score': 'Punten: {points}',
	'warning.indicator.absenceRateShort': 'kort verzuim',
	'warning.indicator.frequency': 'verzuimfrequentie',
	'warning.indicator.turnoverVoluntary': 'vrijwillig verloop',
	'warning.indicator.newLongIncapacityPer100Fte': 'nieuwe arbeidsongeschiktheid van meer dan 4 weken',
	'warning.indicator.accidentsPer100Fte': 'arbeidsongevallen',
	'warning.value.percent': '{value}%',
	'warning.value.percentPerYear': '{value}% per jaar',
	'warning.value.perEmployeePerYear': '{value} ziekteperiodes per medewerker per jaar',
	'warning.value.per100FtePerYear': '{value} per 100 VTE per jaar',
	'warning.reason.rateVsOwnHistory': '{subject} {value}, eigen basisniveau {baseline}',
	'warning.reason.rateVsOrganisation': '{subject} {value}, organisatie {organisation}',
	'warning.reason.shareVsPreviousWave': '{subject}: {value}% oranje of rood, was {previous}%',
	'warning.reason.shareVsOrganisation': '{subject}: {value}% oranje of rood, organisatie {organisation}%',
	'warning.reason.meanVsPreviousWave': '{subject}: gemiddelde score {value} op 100, was {previous}',
	'warning.reason.meanVsOrganisation':
		'{subject}: gemiddelde score {value} op 100, organisatie {organisation}',
	'warning.persistence.latest': 'laatste maand boven de band',
	'warning.persistence.run': '{count} maanden op rij boven de band',
	'warning.persistence.recent': '{count} van de laatste {window} maanden boven de band',
	'warning.persistence.wavesWorse': '{count} metingen op rij ongunstiger',
	'warning.persistence.wavesWorseThanOrganisation': '{count} metingen op rij ongunstiger dan de organisatie',

	// results: results per team
	'results.heatmapTitle': 'Thema’s per eenheid',
	'results.title': 'Resultaten per team',
	'results.intro':
		'Per eenheid (met haar onderliggende eenheden) het aandeel medewerkers in oranje of rood per thema van de barometer en per werkfactor. Het zijn signalen over het werk, geen diagnose van personen.',
	'results.noClosedWave':
		'Er zijn nog geen afgesloten metingen. Resultaten verschijnen pas wanneer een meting is afgesloten.',
	'results.wave': 'Meting',
	'results.show': 'Tonen',
	'results.anonymityNote':
		'Een cijfer verschijnt alleen voor een groep van minstens {k} mensen ({sensitiveK} voor gevoelige thema’s). Kleinere eenheden tellen mee in de eenheid erboven; soms wordt ook een grotere groep verborgen zodat niemand een kleine groep kan uitrekenen.',
	'results.comparedWith': 'De pijltjes vergelijken met {wave}.',
	'results.notADiagnosis':
		'Drempels zijn voorlopig. Bespreek opvallende resultaten met de preventieadviseur psychosociale aspecten: kijk naar de werkfactoren, niet naar personen.',
	'results.caption': 'Aandeel in oranje of rood per eenheid en thema',
	'results.unit': 'Eenheid',
	'results.respondents': 'Antwoorden',
	'results.organisation': 'Hele organisatie',
	'results.pooled': 'inclusief {units}',
	'results.cellLabel': '{dimension}: {share} in oranje of rood, gemiddelde score {mean}, {n} antwoorden.',
	'results.cellPrevious': 'Vorige meting: {share}.',
	'results.suppressed.below-k': 'niet getoond: te weinig antwoorden',
	'results.suppressed.secondary': 'niet getoond: zou een kleine groep laten uitrekenen',
	'results.suppressed.remainder': 'niet getoond: de rest van de groep is te klein',
	'results.suppressed.sensitive': 'niet getoond: gevoelig thema, hogere minimumgroep',
	'results.suppressed.no-data': 'geen gegevens',
	'results.suppressed.changed':
		'niet getoond: gecorrigeerd nadat het eerst getoond werd, nu te weinig mensen',
	'results.legend': 'Aandeel in oranje of rood:',
	'results.legendSuppressed': 'niet getoond (anonimiteit)',
	'results.legendTrend': 'minstens 5 procentpunten hoger of lager dan de vorige meting',

	// audit: audit log
	'audit.action.signals.import': 'Signalen geüpload',
	'audit.action.signals.undo': 'Upload van signalen ongedaan gemaakt',
	'audit.action.signals.mapCode': 'Eenheidscode gekoppeld',
	'audit.title': 'Logboek',
	'audit.intro': 'Wie wat deed in deze organisatie, en wanneer.',
	'audit.when': 'Wanneer',
	'audit.who': 'Wie',
	'audit.what': 'Wat',
	'audit.empty': 'Nog niets gebeurd.',
	'audit.older': 'Oudere regels',
	'audit.system': 'systeem',
	'audit.action.organisation.settings.update': 'Instellingen gewijzigd',
	'audit.action.unit.create': 'Eenheid toegevoegd',
	'audit.action.unit.rename': 'Eenheid gewijzigd',
	'audit.action.unit.move': 'Eenheid verplaatst',
	'audit.action.unit.archive': 'Eenheid gearchiveerd',
	'audit.action.unit.import': 'Eenheden geïmporteerd',
	'audit.action.user.create': 'Gebruiker toegevoegd',
	'audit.action.user.role': 'Rol gewijzigd',
	'audit.action.user.deactivate': 'Gebruiker gedeactiveerd',
	'audit.action.user.reactivate': 'Gebruiker opnieuw actief',
	'audit.action.user.password.reset': 'Eenmalig wachtwoord uitgereikt',
	'audit.action.wave.create': 'Meting aangemaakt',
	'audit.action.wave.close': 'Meting afgesloten',
	'audit.action.wave.reopen': 'Meting heropend',
	'audit.action.wave.codes': 'Persoonlijke codes aangemaakt',
	'audit.action.instrument.create': 'Vragenlijst toegevoegd',
	'audit.action.measure.create': 'Maatregel toegevoegd',
	'audit.action.measure.update': 'Maatregel gewijzigd',
	'audit.action.measure.note': 'Notitie bij maatregel toegevoegd',

	// signals: collective signals: upload, formats, problems
	'signals.title': 'Collectieve signalen',
	'signals.intro':
		'HR laadt hier per eenheid verzuim, verloop en arbeidsongeschiktheid op, als maandcijfers of als verzuimperiodes per medewerker (met een pseudonieme sleutel). Periodes per persoon worden bij het opladen samengeteld per eenheid en maand; de sleutel wordt nergens getoond.',
	'signals.templates': 'Sjablonen',
	'signals.templateIn.nl': 'Nederlands',
	'signals.templateIn.fr': 'Frans',
	'signals.templateIn.en': 'Engels',
	'signals.uploadTitle': 'Bestand opladen',
	'signals.uploadIntro':
		'Een bestand met een fout wordt helemaal niet ingelezen. Opnieuw opladen voor dezelfde periode vervangt die maanden; de vorige versie blijft in de geschiedenis en elke upload kan ongedaan gemaakt worden.',
	'signals.periodLegend': 'Periode (optioneel)',
	'signals.periodHelp':
		'Alleen voor verzuimperiodes of personeelsbestanden: de maanden die het bestand volledig dekt. Leeg: van de vroegste tot de laatste datum in het bestand.',
	'signals.periodFrom': 'Van maand',
	'signals.periodTo': 'Tot en met maand',
	'signals.periodInvalid': 'Kies een geldige periode: twee maanden, de tweede niet vóór de eerste.',
	'signals.fileLabel': 'Bestand (CSV)',
	'signals.fileHelp':
		'Maandcijfers, verzuimperiodes of personeel, zoals een sjabloon hierboven. Puntkomma of komma, UTF-8 of Windows-1252, decimale komma en datums als dd/mm/jjjj worden herkend.',
	'signals.staffingLabel': 'Personeelsbestand bij de verzuimperiodes (optioneel)',
	'signals.fileMissing': 'Kies een bestand om op te laden.',
	'signals.upload': 'Opladen',
	'signals.previewOf': 'Voorbeeld van {file}',
	'signals.detected': 'Herkend: {format}, gescheiden door {delimiter}, {encoding}.',
	'signals.delimiter.semicolon': 'puntkomma',
	'signals.delimiter.comma': 'komma',
	'signals.delimiter.tab': 'tab',
	'signals.encoding.utf-8': 'UTF-8',
	'signals.encoding.utf-8-bom': 'UTF-8 met BOM',
	'signals.encoding.windows-1252': 'Windows-1252',
	'signals.phase.uploading': 'Bezig met opladen…',
	'signals.phase.reading': 'Bezig met inlezen…',
	'signals.phase.checking': 'Bezig met controleren…',
	'signals.phase.storing': 'Bezig met opslaan…',
	'signals.progressFigures': '{sent} van {total} kB verzonden, {rows} rijen verwerkt',
	'signals.uploadFailed': 'Het opladen is niet gelukt. Er is niets veranderd; probeer het opnieuw.',
	'signals.uploadBroken':
		'Het bestand is niet volledig aangekomen (het opladen werd onderbroken of is geen bestandsformulier). Er is niets opgeslagen; laad het opnieuw op.',
	'signals.imported': '{rows} rijen ingelezen voor {units} eenheden, {from} tot {to}.',
	'signals.unchanged': 'Dit bestand ({file}) werd al ingelezen en geldt nog: er is niets veranderd.',
	'signals.refused':
		'Niets ingelezen: {count} problemen gevonden. Verbeter het bestand en laad het opnieuw op.',
	'signals.problemsCaption': 'De eerste {shown} van {total} problemen',
	'signals.file': 'Bestand',
	'signals.unknownUnitsTitle': '{count} onbekende eenheidscodes',
	'signals.unknownUnitsIntro':
		'{rows} rijen gebruiken een code die niet bij een eenheid hoort. Koppel elke code aan een eenheid (dat wordt onthouden voor volgende bestanden) of voeg de eenheden toe bij Eenheden, en laad het bestand daarna opnieuw op.',
	'signals.unknownCode': 'Code',
	'signals.rowsWithCode': 'Rijen',
	'signals.firstLines': 'Eerste regels',
	'signals.mapTo': 'Koppelen aan',
	'signals.mapCodeLabel': 'Eenheid voor code {code}',
	'signals.mapNone': '— niet koppelen —',
	'signals.saveMapping': 'Koppelingen bewaren',
	'signals.mapped': '{count} codes gekoppeld. Laad het bestand opnieuw op.',
	'signals.mappingEmpty': 'Kies voor minstens één code een eenheid.',
	'signals.mappingInvalid': 'De koppeling voor code {code} is ongeldig.',
	'signals.history': 'Geschiedenis van uploads',
	'signals.noUploads': 'Nog geen uploads.',
	'signals.uploadedAt': 'Opgeladen op',
	'signals.uploadedBy': 'Door',
	'signals.formatColumn': 'Soort',
	'signals.period': 'Periode',
	'signals.unitsColumn': 'Eenheden',
	'signals.rowsColumn': 'Rijen',
	'signals.status': 'Status',
	'signals.statusActive': 'Geldt',
	'signals.statusPartlyReplaced': '{count} eenheid-maanden vervangen door een latere upload',
	'signals.statusUndone': 'Ongedaan gemaakt door {name} op {at}',
	'signals.unknownUser': 'onbekende gebruiker',
	'signals.undo': 'Ongedaan maken',
	'signals.undoLabel': 'Upload {file} ongedaan maken',
	'signals.undone': 'De upload is ongedaan gemaakt; de vorige cijfers gelden weer.',
	'signals.uploadUnknown': 'Deze upload bestaat niet.',
	'signals.alreadyUndone': 'Deze upload was al ongedaan gemaakt.',
	'signals.file.empty': 'Het bestand is leeg.',
	'signals.file.noRows': 'Het bestand heeft alleen een kopregel (regel {headerLine}) en geen gegevens.',
	'signals.file.notText': 'Dit is geen tekstbestand (CSV). Bewaar het in uw rekenblad als CSV.',
	'signals.file.spreadsheet':
		'Dit is een Excel-bestand. Kies in Excel "Opslaan als" en dan "CSV (gescheiden door lijstscheidingsteken)".',
	'signals.file.utf16': 'Dit bestand is in UTF-16 bewaard. Bewaar het als "CSV UTF-8".',
	'signals.file.tooLarge': 'Het bestand is groter dan {maxBytes} bytes.',
	'signals.file.lineTooLong': 'Regel {line} is langer dan {maxChars} tekens: dit lijkt geen CSV-bestand.',
	'signals.file.badQuotes':
		'Regel {line}: een aanhalingsteken is niet afgesloten of staat op een verkeerde plaats.',
	'signals.file.cellCount': 'Regel {line} heeft {found} kolommen, de kopregel {expected}.',
	'signals.file.invalidUtf8':
		'Vanaf regel {line} is het bestand niet meer leesbaar als UTF-8: bewaar het opnieuw als "CSV UTF-8".',
	'signals.format.monthly': 'Maandcijfers per eenheid',
	'signals.format.spells': 'Afwezigheidsperiodes per medewerker',
	'signals.format.staffing': 'Personeelsbestand per medewerker',
	'signals.format.unknown': 'Deze kopregel hoort bij geen van de drie formaten. Vertrek van een sjabloon.',
	'signals.format.ambiguous':
		'Uit deze kopregel is niet op te maken of dit een afwezigheidsbestand of een personeelsbestand is.',
	'signals.format.unknownColumn': 'Onbekende kolom. Verwijder ze of geef ze een naam uit het sjabloon.',
	'signals.format.duplicateColumn': 'Deze kolom staat er twee keer (ook als "{header}").',
	'signals.format.missingColumn': 'Deze verplichte kolom ontbreekt.',
	'signals.problem.required': 'Deze cel mag niet leeg zijn.',
	'signals.problem.notNumber': 'Dit is geen getal.',
	'signals.problem.notWhole': 'Vul een geheel getal in.',
	'signals.problem.negative': 'Een negatief getal kan hier niet.',
	'signals.problem.formula': 'Dit lijkt een formule. Zet de waarde in de cel, niet de formule.',
	'signals.problem.ambiguousNumber':
		'Onduidelijk getal: is het punt een scheidingsteken voor duizendtallen of een decimaalteken? Schrijf het zonder scheidingsteken voor duizendtallen, met een decimale komma (1234 of 1,234).',
	'signals.problem.tooLarge': 'Te groot: hoogstens {max}.',
	'signals.problem.notDate': 'Dit is geen datum. Gebruik dd/mm/jjjj of jjjj-mm-dd.',
	'signals.problem.notMonth': 'Dit is geen maand. Gebruik mm/jjjj of jjjj-mm.',
	'signals.problem.tooEarly': 'Te vroeg: vóór {min}.',
	'signals.problem.inFuture': 'Ligt in de toekomst: na {max}.',
	'signals.problem.sickAbovePlanned': 'Meer ziektedagen ({sick}) dan geplande dagen ({planned}).',
	'signals.problem.leaversAboveHeadcount': 'Meer vertrekkers ({leavers}) dan medewerkers ({headcount}).',
	'signals.problem.fteAboveHeadcount': 'Meer VTE ({fte}) dan medewerkers ({headcount}).',
	'signals.problem.aboveHeadcount': 'Meer personen ({count}) dan medewerkers ({headcount}).',
	'signals.problem.daysWithoutEndedSpells':
		'Werkdagen van beëindigde ziekteperiodes, maar geen beëindigde ziekteperiodes.',
	'signals.problem.duplicateUnitMonth': 'Deze eenheid en maand staan al op regel {firstLine}.',
	'signals.problem.endBeforeStart': 'De einddatum ligt vóór de begindatum.',
	'signals.problem.unknownType': 'Onbekende soort afwezigheid. Gebruik ziekte, arbeidsongeval of ander.',
	'signals.problem.overlap': 'Deze periode overlapt met die op regel {otherLine} van dezelfde medewerker.',
	'signals.problem.duplicateRow': 'Deze regel staat er al, op regel {firstLine}.',
	'signals.problem.duplicateKey': 'Deze medewerker staat al op regel {firstLine}.',
	'signals.problem.leaveBeforeStart': 'De datum uit dienst ligt vóór de datum in dienst.',
	'signals.problem.fteRange': 'VTE moet groter zijn dan 0 en hoogstens {max}.',
	'signals.problem.unknownReason': 'Onbekende reden van vertrek. Gebruik vrijwillig, onvrijwillig of ander.',
	'signals.problem.reasonRequired': 'Bij een datum uit dienst hoort een reden van vertrek.',
	'signals.problem.reasonWithoutLeave': 'Een reden van vertrek zonder datum uit dienst.',
	'signals.problem.keyTooLong': 'Een medewerkerssleutel heeft hoogstens {max} tekens.',
	'signals.problem.keyIdentifying':
		'Deze sleutel lijkt een e-mailadres. Gebruik een pseudoniem dat niemand herkent.',
	'signals.problem.identifyingKeys':
		'De medewerkerssleutels lijken rijksregisternummers. Gebruik pseudoniemen die niemand herkent.',
	'signals.problem.keyNotInStaffing': 'Deze medewerker staat niet in het personeelsbestand.',
	'signals.problem.periodRequired': 'Kies de periode die dit personeelsbestand beschrijft.',
	'signals.problem.filesCombination':
		'Laad een maandbestand alleen, of een afwezigheidsbestand en/of een personeelsbestand, elk één keer.',
	'signals.problem.unknownUnit': 'Onbekende eenheidscode "{code}" op {rows} regels (eerste: {lines}).',
	'signals.problem.more': 'En nog {count} problemen.',
	'signals.column.unitCode': 'Eenheidscode',
	'signals.column.month': 'Maand',
	'signals.column.headcount': 'Aantal medewerkers',
	'signals.column.fte': 'VTE',
	'signals.column.plannedDays': 'Geplande dagen',
	'signals.column.sickDaysShort': 'Ziektedagen kort (< 1 maand)',
	'signals.column.sickDaysMedium': 'Ziektedagen middellang (1 maand tot 1 jaar)',
	'signals.column.sickDaysLong': 'Ziektedagen lang (> 1 jaar)',
	'signals.column.spells': 'Ziekteperiodes',
	'signals.column.frequentAbsentees': 'Medewerkers met 3+ ziekteperiodes in 12 maanden',
	'signals.column.leaversVoluntary': 'Vrijwillige vertrekkers',
	'signals.column.leaversInvoluntary': 'Onvrijwillige vertrekkers',
	'signals.column.newIncapacity4w': 'Nieuwe arbeidsongeschiktheid > 4 weken',
	'signals.column.ongoingIncapacity1y': 'Arbeidsongeschikt > 1 jaar',
	'signals.column.workAccidents': 'Arbeidsongevallen',
	'signals.column.jobAdaptationRequests': 'Vragen om aangepast werk',
	'signals.column.psychosocialRequests': 'Formele verzoeken psychosociale interventie',
	'signals.column.spellsEnded': 'Beëindigde ziekteperiodes',
	'signals.column.spellsEndedDays': 'Werkdagen beëindigde ziekteperiodes',
	'signals.column.employeeKey': 'Medewerkerssleutel',
	'signals.column.startDate': 'Begindatum',
	'signals.column.endDate': 'Einddatum',
	'signals.column.absenceType': 'Soort afwezigheid',
	'signals.column.leaveDate': 'Datum uit dienst',
	'signals.column.leaveReason': 'Reden van vertrek',

	// lang: language names
	'lang.nl': 'Nederlands',
	'lang.fr': 'Français',
	'lang.en': 'English',

	// role: roles
	'role.admin': 'Beheerder',
	'role.advisor': 'Preventieadviseur / arbeidsarts',
	'role.hr': 'HR',
	'role.manager': 'Leidinggevende',

	// common: shared words
	'common.save': 'Opslaan',
	'common.cancel': 'Annuleren',
	'common.none': 'geen',
	'common.actions': 'Acties',
	'common.required': 'verplicht',
	'common.optional': 'optioneel',
	'common.formErrors': 'Het formulier bevat fouten. Er is niets gewijzigd.',

	// login: sign-in
	'login.title': 'Aanmelden',
	'login.intro':
		'Meld je aan met het account dat je van je organisatie kreeg. Medewerkers die de barometer invullen hebben geen account nodig.',
	'login.email': 'E-mailadres',
	'login.password': 'Wachtwoord',
	'login.submit': 'Aanmelden',
	'login.invalid': 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw.',
	'login.throttled': 'Te veel mislukte pogingen. Probeer het over {minutes} min. opnieuw.',
	'login.throttledAccount':
		'Dit account is tijdelijk beveiligd na te veel mislukte pogingen. Meld je aan op een toestel waarop je al eerder aanmeldde, of probeer het over {minutes} min. opnieuw.',
	'login.signedOut': 'Je bent afgemeld.',

	// account: own account and password
	'account.title': 'Mijn account',
	'account.mustChange':
		'Je hebt een eenmalig wachtwoord gekregen. Kies nu een eigen wachtwoord om verder te gaan.',
	'account.currentPassword': 'Huidig wachtwoord',
	'account.newPassword': 'Nieuw wachtwoord',
	'account.newPasswordHelp': 'Minstens {min} tekens.',
	'account.confirmation': 'Herhaal het nieuwe wachtwoord',
	'account.submit': 'Wachtwoord wijzigen',
	'account.changed': 'Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.',

	// orgs: organisations
	'orgs.title': 'Jouw organisaties',
	'orgs.none': 'Je bent (nog) geen lid van een organisatie. Vraag een beheerder om je toe te voegen.',

	// overview: overview page
	'overview.title': 'Overzicht',
	'overview.scopeAll': 'Je ziet alle eenheden van de organisatie.',
	'overview.scopeManager': 'Je ziet je eigen eenheid en de eenheden eronder.',
	'overview.kNote':
		'Cijfers over mensen verschijnen alleen voor groepen van minstens {k} personen. Kleinere eenheden tellen mee in de bovenliggende eenheid.',
	'overview.unitsHeading': 'Eenheden',
	'overview.unitCount': '{count} eenheden, {headcount} medewerkers',

	// unit: fields of a unit
	'unit.code': 'Code',
	'unit.name': 'Naam',
	'unit.headcount': 'Medewerkers',
	'unit.subtreeHeadcount': 'Met onderliggende eenheden',
	'unit.path': 'Plaats in de organisatie',
	'unit.subtree': 'Eenheid en onderliggende eenheden',
	'unit.pooled': 'Minder dan {k} medewerkers: telt in rapporten mee in de bovenliggende eenheid.',
	'unit.archived': 'Gearchiveerd',

	// units: units
	'units.title': 'Eenheden beheren',
	'units.intro':
		'De boomstructuur van de organisatie. Codes blijven vast: HR-bestanden verwijzen ernaar. Archiveren bewaart de geschiedenis.',
	'units.add': 'Eenheid toevoegen',
	'units.parent': 'Bovenliggende eenheid',
	'units.noParent': '(geen: hoogste niveau)',
	'units.added': 'Eenheid {code} is toegevoegd.',
	'units.rename': 'Naam en aantal wijzigen',
	'units.renamed': 'Eenheid is gewijzigd.',
	'units.move': 'Verplaatsen',
	'units.moveTo': 'Verplaatsen naar',
	'units.moved': 'Eenheid is verplaatst.',
	'units.archive': 'Archiveren',
	'units.archivedDone': 'Eenheid is gearchiveerd.',
	'units.archivedOn': 'gearchiveerd op {date}',
	'units.edit': 'Wijzigen',
	'units.editUnit': 'Eenheid {code} wijzigen',
	'units.codeTaken': 'Deze code bestaat al in de organisatie.',
	'units.parentUnknown': 'Deze eenheid bestaat niet in de organisatie.',
	'units.parentArchived': 'Deze eenheid is gearchiveerd.',
	'units.moveIntoOwnSubtree':
		'Een eenheid kan niet onder zichzelf of een van haar onderliggende eenheden komen.',
	'units.archivedNoChange': 'Een gearchiveerde eenheid kan niet meer gewijzigd worden.',
	'units.hasActiveChildren':
		'Deze eenheid heeft nog {count} actieve onderliggende eenheden. Verplaats of archiveer die eerst.',
	'units.import': 'Importeren uit CSV',
	'units.importIntro':
		'Een CSV-bestand met de kolommen code, naam, bovenliggende code en (optioneel) aantal medewerkers. Nieuwe codes worden toegevoegd, bestaande bijgewerkt. Bij één fout wordt niets ingevoerd.',
	'units.importFile': 'CSV-bestand',
	'units.importSubmit': 'Importeren',
	'units.importDone': 'Import klaar: {created} toegevoegd, {updated} gewijzigd, {unchanged} ongewijzigd.',
	'units.importFailed': 'Het bestand bevat {count} fouten. Er is niets ingevoerd.',
	'units.importMore': 'En nog {count} fouten.',
	'units.template': 'Voorbeeldbestand downloaden',

	// import: import of units from a file
	'import.line': 'Regel',
	'import.column': 'Kolom',
	'import.value': 'Waarde',
	'import.problem': 'Probleem',
	'import.empty': 'Het bestand is leeg.',
	'import.headerOnly': 'Het bestand bevat alleen een kopregel, geen gegevens.',
	'import.missingColumn': 'De kolom "{column}" ontbreekt.',
	'import.duplicateCode': 'Deze code staat al op regel {firstLine}.',
	'import.cycle': 'Dit maakt een kring: de eenheid zou onder zichzelf komen te staan.',
	'import.malformedQuotes': 'Aanhalingstekens zijn niet goed afgesloten.',
	'import.tooManyFields': 'Deze regel heeft meer kolommen dan de kopregel.',
	'import.noFile': 'Kies een bestand.',
	'import.notText': 'Dit is geen tekstbestand (CSV).',
	'import.tooLarge': 'Het bestand is te groot (maximaal {max} MB).',

	// users: users
	'users.title': 'Gebruikers',
	'users.intro':
		'Wie de organisatie mag bekijken en beheren. Een leidinggevende ziet alleen de eigen eenheid en wat eronder valt.',
	'users.add': 'Gebruiker toevoegen',
	'users.email': 'E-mailadres',
	'users.displayName': 'Naam',
	'users.role': 'Rol',
	'users.unit': 'Eenheid (voor een leidinggevende)',
	'users.language': 'Taal',
	'users.languageDefault': 'Taal van de organisatie',
	'users.create': 'Toevoegen',
	'users.created': '{name} is toegevoegd.',
	'users.oneTimePassword': 'Eenmalig wachtwoord',
	'users.oneTimeNote':
		'Geef dit wachtwoord persoonlijk door. Het wordt maar één keer getoond; bij de eerste aanmelding kiest de gebruiker een eigen wachtwoord.',
	'users.existingAccount': 'Deze persoon had al een account en meldt zich aan met het bestaande wachtwoord.',
	'users.status': 'Status',
	'users.active': 'Actief',
	'users.inactive': 'Gedeactiveerd',
	'users.pendingPassword': 'Eerste aanmelding nog niet gebeurd',
	'users.deactivate': 'Deactiveren',
	'users.reactivate': 'Opnieuw activeren',
	'users.deactivated': 'Gebruiker is gedeactiveerd.',
	'users.reactivated': 'Gebruiker is opnieuw actief.',
	'users.changeRole': 'Rol wijzigen',
	'users.roleChanged': 'Rol is gewijzigd.',
	'users.resetPassword': 'Nieuw eenmalig wachtwoord',
	'users.resetDone': 'Nieuw eenmalig wachtwoord voor {name}:',
	'users.managerNeedsUnit': 'Kies de eenheid van deze leidinggevende.',
	'users.alreadyMember': 'Deze persoon is al lid van de organisatie.',
	'users.notYourself': 'Dit kan je niet voor je eigen account doen.',
	'users.sharedAccount':
		'Dit account hoort ook bij een andere organisatie; alleen de persoon zelf kan het wachtwoord wijzigen.',
	'users.pendingElsewhere':
		'Dit account heeft nog geen eigen wachtwoord gekozen. Voeg het toe nadat de persoon zich een eerste keer heeft aangemeld.',

	// settings: organisation settings
	'settings.title': 'Instellingen van de organisatie',
	'settings.name': 'Naam',
	'settings.language': 'Standaardtaal',
	'settings.k': 'Minimale groepsgrootte (k)',
	'settings.kHelp':
		'Geen enkel scherm of export toont iets over minder dan k personen. Standaard 5, nooit minder dan 3.',
	'settings.sensitiveK': "Minimale groepsgrootte voor gevoelige thema's",
	'settings.sensitiveKHelp':
		"Voor thema's zoals ongewenst gedrag op het werk. Standaard 10, nooit kleiner dan k.",
	'settings.saved': 'De instellingen zijn opgeslagen.',

	// error: error pages
	'error.title': 'Er ging iets mis',
	'error.notFound': 'Deze pagina bestaat niet, of je hebt er geen toegang toe.',
	'error.forbidden': 'Je rol geeft geen toegang tot deze pagina.',
	'error.badRequest': 'Dit verzoek klopt niet en is niet uitgevoerd.',
	'error.payloadTooLarge': 'Wat je verstuurde is te groot. Er is niets gewijzigd.',
	'error.methodNotAllowed': 'Deze actie is hier niet mogelijk.',
	'error.unexpected': 'Er ging onverwacht iets mis. Er is niets gewijzigd. Probeer het later opnieuw.',
	'error.unavailable': 'De dienst is even niet bereikbaar. Probeer het over een minuut opnieuw.',
	'error.crossSite':
		'Dit formulier werd vanaf een andere site verstuurd en is geweigerd. Er is niets veranderd.',
	'error.back': 'Terug naar het begin',
	'error.status': 'Foutcode {status}',

	// validation: form validation
	'validation.required': 'Dit veld is verplicht.',
	'validation.tooLong': 'Maximaal {max} tekens.',
	'validation.language': 'Kies Nederlands, Frans of Engels.',
	'validation.wholeNumber': 'Vul een geheel getal in (0 of meer).',
	'validation.kFloor': 'Minstens {min}: kleinere groepen zijn niet anoniem.',
	'validation.max': 'Maximaal {max}.',
	'validation.sensitiveBelowK': 'Mag niet kleiner zijn dan de minimale groepsgrootte k.',
	'validation.unitCode':
		'Gebruik 1 tot 32 letters, cijfers, punten, streepjes of liggende streepjes, te beginnen met een letter of cijfer.',
	'validation.email': 'Dit is geen geldig e-mailadres.',
	'validation.role': 'Kies een rol.',
	'validation.passwordLength': 'Kies een wachtwoord van minstens {min} tekens.',
	'validation.passwordMismatch': 'De twee wachtwoorden zijn niet gelijk.',
	'validation.date': 'Vul een geldige datum in.',

	// auth: sign-in and password refusals
	'auth.invalid': 'Aanmelden is mislukt.',
	'auth.currentPasswordWrong': 'Het huidige wachtwoord klopt niet.',
	'auth.samePassword': 'Kies een ander wachtwoord dan het huidige.',

	// barometer: the barometer questionnaire
	'barometer.title': 'Psychosociale barometer',
	'barometer.intro':
		'{count} korte vragen over hoe je werk de voorbije vier weken was. Invullen kan tot en met {date}; het duurt ongeveer vijf minuten.',
	'barometer.formProblems': 'Je antwoorden zijn nog niet verstuurd. Vul aan wat ontbreekt:',
	'barometer.answersMissing': 'Vragen zonder antwoord: {count}.',
	'barometer.answersInvalid': 'Antwoorden die niet bestaan: {count}. Kies telkens een van de mogelijkheden.',
	'barometer.yourUnit': 'Je team of afdeling',
	'barometer.chooseUnitOption': 'Kies je team of afdeling',
	'barometer.unitHelp':
		'Klopt dit niet? Kies het team waar je het meest werkt. Je antwoorden tellen alleen mee in groepen van voldoende mensen.',
	'barometer.questionOf': 'Vraag {n} van {total}',
	'barometer.submit': 'Antwoorden versturen',
	'barometer.closed': 'Deze meting is afgesloten. Er worden geen antwoorden meer aanvaard.',
	'barometer.notYetOpen': 'Deze meting is nog niet geopend. Probeer het later opnieuw.',
	'barometer.codeIntro':
		'Heb je een persoonlijke code gekregen? Vul hem hier in. Zodra je hem invult, is hij gebruikt: vul de vragenlijst daarna in deze browser in (je kunt er later in dezelfde browser naar terugkeren). De code zorgt alleen dat je één keer kunt antwoorden; je antwoorden worden er niet aan gekoppeld.',
	'barometer.code': 'Persoonlijke code',
	'barometer.codeHelp': 'Bijvoorbeeld ABCD-EFGH-JKLM. Hoofdletters en streepjes maken niet uit.',
	'barometer.start': 'Beginnen',
	'barometer.codeInvalid':
		'Deze code is niet geldig of werd al gebruikt. Heb je ze zelf niet gebruikt? Dan deed iemand anders dat misschien: vraag je preventieadviseur een nieuwe code. Je antwoorden zijn nooit aan een code gekoppeld.',
	'barometer.linkFull':
		'Voor dit team of deze afdeling kunnen via de link geen antwoorden meer bijkomen: er zijn er al zoveel als er medewerkers zijn. Heb je een persoonlijke code gekregen? Gebruik die dan. Anders kan je preventieadviseur je er een geven.',
	'barometer.linkNoHeadcount':
		'Dit team of deze afdeling kan via de link geen antwoorden ontvangen, omdat het aantal medewerkers niet gekend is. Vraag je preventieadviseur een persoonlijke code.',
	'barometer.linkAnsweredHere':
		"Vanuit deze browser werd deze meting al via de link ingevuld. Elke persoon antwoordt één keer. Deel je een computer met collega's? Vraag je preventieadviseur dan een persoonlijke code.",
	'barometer.resumed': 'Je opende in deze browser al een persoonlijke code: je kan hier verder invullen.',
	'barometer.otherCode': 'Niet jouw code? Geef een andere code in.',
	'barometer.formExpired': 'Dit formulier is niet meer geldig. Laad de pagina opnieuw en vul het opnieuw in.',
	'barometer.chooseUnit': 'Kies het team of de afdeling waar je werkt.',

	// answer: refused answers
	'answer.missing': 'Kies een antwoord.',
	'answer.outOfRange': 'Dit antwoord bestaat niet. Kies een van de mogelijkheden.',
	'answer.notANumber': 'Dit antwoord bestaat niet. Kies een van de mogelijkheden.',
	'answer.unknownItem': 'Het formulier bevat een vraag die niet bij deze meting hoort.',

	// privacy: privacy notice for respondents
	'privacy.title': 'Anoniem, en waarom we dit vragen',
	'privacy.what':
		"We vragen hoe je je werk de voorbije vier weken beleefde: werkdruk, energie, spanning, contact met collega's.",
	'privacy.anonymous':
		'Je antwoorden zijn anoniem: we bewaren geen naam, e-mailadres, IP-adres of tijdstip, alleen de datum en je team.',
	'privacy.whoSees':
		'Niemand ziet jouw antwoorden. {organisation} ziet alleen cijfers over groepen van minstens {k} personen ({sensitiveK} voor ongewenst gedrag op het werk).',
	'privacy.why':
		'De preventieadviseur en de arbeidsarts gebruiken die groepscijfers om oorzaken van stress in het werk te vinden en aan te pakken, niet om mensen te beoordelen.',
	'privacy.result':
		'Na het versturen zie je meteen je eigen resultaat en waar je terecht kunt. Dat resultaat wordt nergens bewaard.',

	// result: a respondent's own result
	'result.title': 'Jouw resultaat',
	'result.thanks': 'Bedankt. Je antwoorden zijn anoniem verstuurd.',
	'result.notDiagnosis': 'Dit is geen diagnose.',
	'result.intro':
		'Het is een momentopname van hoe je werk de voorbije weken op je woog. Ze kan helpen om erover te praten.',
	'result.provisional':
		'De grenzen tussen groen, oranje en rood zijn voorlopig: ze zijn nog niet getoetst aan een externe norm.',
	'result.band.green.high': 'Groen: weinig signalen.',
	'result.band.orange.high': 'Oranje: meer signalen dan goed is. Let erop.',
	'result.band.red.high': 'Rood: veel signalen. Praat erover met iemand die je vertrouwt.',
	'result.band.green.low': 'Groen: dit gaat goed.',
	'result.band.orange.low': 'Oranje: lager dan goed is. Let erop.',
	'result.band.red.low': 'Rood: laag. Praat erover met iemand die je vertrouwt.',
	'result.band.none': 'Te weinig antwoorden om hier iets over te zeggen.',
	'result.helpTitle': 'Waar kun je terecht?',
	'result.helpUrgent':
		'Je resultaat toont op minstens één punt veel signalen. Wacht niet te lang om erover te praten: de mensen hieronder zijn er precies voor.',
	'result.help.physician.title': 'De arbeidsarts.',
	'result.help.physician.text':
		'Je kunt altijd zelf een spontane raadpleging vragen, ook buiten een periodiek onderzoek. Het gesprek is vertrouwelijk; je werkgever hoort er niets over zonder jouw toestemming.',
	'result.help.paps.title': 'De preventieadviseur psychosociale aspecten.',
	'result.help.paps.text':
		'Voor stress door het werk, conflicten of ongewenst gedrag kun je een vertrouwelijk gesprek vragen, en eventueel een informele of formele tussenkomst.',
	'result.help.reboost.title': 'Reboost.',
	'result.help.reboost.text':
		'Preventieve gesprekken om je veerkracht te versterken voor de spanning te hoog oploopt.',
	'result.help.reload.title': 'Reload.',
	'result.help.reload.text':
		'Drie gesprekken wanneer er tekenen van overspanning zijn, om te zien wat er speelt en wat kan helpen.',
	'result.help.reconnect.title': 'Reconnect.',
	'result.help.reconnect.text': 'Begeleiding om na ziekteverlof weer aan het werk te gaan.',
	'result.help.gp.title': 'Je huisarts.',
	'result.help.gp.text':
		'Voor klachten die niet alleen met het werk te maken hebben, of als je je niet goed voelt.',
	'result.notStored':
		'Deze pagina wordt niet bewaard en kan door niemand opnieuw geopend worden. Wil je ze houden, druk ze dan nu af.',

	// waves: waves
	'waves.title': 'Metingen',
	'waves.intro':
		'Een meting laat medewerkers de barometer invullen tussen twee data, via een link per team of met persoonlijke codes.',
	'waves.new': 'Nieuwe meting',
	'waves.empty': 'Nog geen metingen.',
	'waves.name': 'Naam',
	'waves.period': 'Periode',
	'waves.statusLabel': 'Status',
	'waves.status.planned': 'Gepland',
	'waves.status.open': 'Open',
	'waves.status.closed': 'Afgesloten',
	'waves.instrument': 'Vragenlijst',
	'waves.includeModule': 'Werkfactoren meenemen (werkdruk, autonomie, steun…)',
	'waves.includeModuleHelp': 'Aanbevolen: zo kan een actieplan op oorzaken in het werk mikken.',
	'waves.module': 'werkfactoren',
	'waves.language': 'Standaardtaal voor medewerkers',
	'waves.opensOn': 'Opent op',
	'waves.closesOn': 'Sluit na',
	'waves.newClosesOn': 'Nieuwe einddatum',
	'waves.units': 'Eenheden',
	'waves.unitsHelp': 'Elke gekozen eenheid krijgt een eigen link en affiche.',
	'waves.create': 'Meting aanmaken',
	'waves.unknownInstrument': 'Kies een vragenlijst uit de lijst.',
	'waves.closesInPast': 'De einddatum ligt in het verleden.',
	'waves.closesBeforeOpens': 'De einddatum ligt voor de begindatum.',
	'waves.noUnits': 'Kies minstens één eenheid.',
	'waves.noModule': 'Deze vragenlijst heeft geen module werkfactoren.',
	'waves.codeCount': 'Kies een aantal tussen 1 en {max}.',
	'waves.kFrozen': 'Minimale groepsgrootte voor deze meting: {k} (vastgelegd bij het aanmaken).',
	'waves.provisional': 'De drempels van de vragenlijst zijn voorlopig.',
	'waves.close': 'Meting afsluiten',
	'waves.reopen': 'Meting heropenen',
	'waves.closedDone': 'De meting is afgesloten.',
	'waves.reopenedDone': 'De meting is heropend.',
	'waves.codes': 'Persoonlijke codes',
	'waves.codesIntro':
		'Codes voor één keer gebruik, als CSV voor een mailing. Er wordt alleen een versleutelde vorm bewaard: download het bestand meteen, het kan niet opnieuw. Een code wordt nooit aan een naam of een antwoord gekoppeld.',
	'waves.codesExisting':
		'{total} codes aangemaakt. Hoeveel er al gebruikt zijn tonen we niet: dat zou laten zien wanneer iemand antwoordde.',
	'waves.codesCount': 'Aantal codes',
	'waves.codesGenerate': 'Codes aanmaken en downloaden',
	'waves.csvCode': 'code',
	'waves.csvLink': 'link',
	'waves.participation': 'Deelname',
	'waves.progressHelp':
		'Zolang een eenheid geen {k} antwoorden heeft, tonen we niets. Daarna alleen een bereik zolang de meting loopt, het aantal pas na het afsluiten.',
	'waves.progress.belowK': 'Nog geen {k} antwoorden',
	'waves.progress.band.under25': 'Minder dan 25% geantwoord',
	'waves.progress.band.25to50': '25 tot 50% geantwoord',
	'waves.progress.band.50to75': '50 tot 75% geantwoord',
	'waves.progress.band.75plus': '75% of meer geantwoord',
	'waves.progress.band.unknown': 'Minstens het minimum bereikt (aantal medewerkers onbekend)',
	'waves.progress.final': '{count} antwoorden ({rate}%)',
	'waves.progress.finalNoRate': '{count} antwoorden',
	'waves.progress.atLeastK': 'Minstens {k} antwoorden',
	'waves.progress.band.under50': 'Minder dan 50% geantwoord',
	'waves.progress.closedHelp':
		'Na het afsluiten volgt de deelname dezelfde regels als de resultaten: een eenheid die de resultaten niet tonen, toont hier ook geen aantal, alleen de reden.',
	'waves.participationOrganisation': 'Hele organisatie: {count} antwoorden',
	'waves.participationShow': 'Deelname tonen',
	'waves.participationShowHelp':
		'Dat maakt de resultaten van deze meting definitief: daarna kan ze niet meer heropend worden.',
	'waves.entry': 'Hoe antwoorden medewerkers?',
	'waves.entry.codes': 'Met persoonlijke codes (aanbevolen)',
	'waves.entry.codesHelp':
		'Elke medewerker krijgt een eigen code die één keer werkt. Niemand kan extra antwoorden aan een team toevoegen.',
	'waves.entry.links': 'Met een link per eenheid',
	'waves.entry.linksHelp':
		'Makkelijk te verspreiden (affiche, QR-code), maar iedereen met de link kan antwoorden, tot het aantal medewerkers van de eenheid. Een eenheid zonder aantal medewerkers neemt geen antwoorden via de link aan.',
	'waves.entryUnknown': 'Kies hoe medewerkers antwoorden.',
	'waves.entryCodesOnly':
		'Medewerkers antwoorden met persoonlijke codes. Deze meting heeft geen links per eenheid.',
	'waves.linkRisk.title': 'Wat een meting met links niet kan beschermen',
	'waves.linkRisk.text':
		'Wie de link van een eenheid heeft, kan meer dan één keer antwoorden, tot het aantal medewerkers van die eenheid. Zo kan iemand een klein team aanvullen met eigen, gekende antwoorden en daarna de antwoorden van een collega uitrekenen. Gebruik persoonlijke codes als dat ertoe doet.',
	'waves.linkRisk.rules':
		'Een eenheid heeft een aantal medewerkers nodig om antwoorden via haar link te krijgen. Heeft een eenheid bij het afsluiten meer antwoorden via de link dan medewerkers, dan wordt ze niet getoond en tellen haar antwoorden nergens mee.',
	'waves.linkOffCodes':
		'Deze meting werkt met persoonlijke codes: deze link neemt geen antwoorden aan. Vul je persoonlijke code in op de pagina van de barometer (/b), of vraag je preventieadviseur om een code.',
	'waves.reopenReleased':
		'Deze meting kan niet meer heropend worden: haar resultaten werden al bekeken en zijn definitief.',
	'waves.final':
		'De resultaten van deze meting werden al bekeken en zijn definitief. Heropenen kan niet meer: een tweede versie van dezelfde cijfers zou het verschil, en daarmee iemands antwoorden, zichtbaar maken.',
	'waves.reopenUntilRead':
		'Heropenen kan zolang niemand iets van deze meting bekeek. Wie de resultaten, een eenheidspagina of de deelname hieronder opent, maakt ze definitief.',
	'waves.overfull':
		'niet getoond: meer antwoorden via de link dan medewerkers; deze antwoorden tellen nergens mee',
	'waves.overfullUnits':
		'Niet getoond, want meer antwoorden via de link dan medewerkers (deze antwoorden tellen nergens mee): {units}.',
	'waves.overfullWave':
		'{wave}: niet getoond, want meer antwoorden via de link dan medewerkers; deze antwoorden tellen nergens mee.',
	'waves.link': 'Link en affiche',
	'waves.poster': 'Affiche afdrukken',

	// poster: wave poster
	'poster.title': 'Hoe gaat het met je werk?',
	'poster.lead': 'Vul de anonieme barometer in voor {unit}.',
	'poster.qrLabel': 'QR-code naar de barometer',
	'poster.anonymous':
		'Anoniem: niemand ziet jouw antwoorden, alleen cijfers over groepen van minstens {k} personen.',
	'poster.time': 'Ongeveer vijf minuten, op je gsm of computer.',
	'poster.until': 'Invullen kan tot en met {date}.',

	// instrument: refusals of an instrument file
	'instrument.notObject': 'Dit moet een groep benoemde velden (een object) zijn.',
	'instrument.notList': 'Dit moet een lijst zijn.',
	'instrument.missing': 'Dit veld ontbreekt.',
	'instrument.notText':
		'Er is een tekst nodig in het Nederlands, Frans en Engels; deze taal ontbreekt of is leeg.',
	'instrument.tooLong': 'Deze tekst is langer dan {max} tekens.',
	'instrument.notBoolean': 'Dit moet true of false zijn.',
	'instrument.key':
		'Een sleutel bestaat uit 2 tot 63 kleine letters, cijfers of streepjes en begint met een letter of cijfer.',
	'instrument.id':
		'Een id bestaat uit 1 tot 63 kleine letters, cijfers of streepjes en begint met een letter of cijfer.',
	'instrument.version': 'De versie moet een geheel getal van minstens 1 zijn.',
	'instrument.scale':
		'De antwoordschaal heeft gehele getallen min < max, hoogstens {maxValues} waarden, en één label per waarde.',
	'instrument.duplicateId': "De id '{id}' komt meer dan eens voor.",
	'instrument.unknownDimension': "Deze vraag hoort bij dimensie '{dimension}', die in dit deel niet bestaat.",
	'instrument.emptyDimension': "Dimensie '{id}' heeft geen vragen.",
	'instrument.noItems': 'Er moet minstens één vraag zijn.',
	'instrument.bands':
		'Drempels liggen tussen 0 en 100; oranje ligt onder rood als hoge scores het risico zijn, boven rood als lage scores het risico zijn.',
	'instrument.scoring':
		"De scoremethode moet 'mean' zijn en het minimale aandeel beantwoorde vragen groter dan 0 en hoogstens 1.",
	'instrument.domain': 'Het risicodomein moet een van de vijf wettelijke domeinen zijn.',
	'instrument.tooLarge': 'Een vragenlijst heeft hoogstens {max} vragen en {max} dimensies.',
	'instrument.notJson': 'Dit is geen geldige JSON.',
	'instrument.builtInKey': 'Deze sleutel is voorbehouden aan een ingebouwde vragenlijst.',
	'instrument.versionExists':
		'Versie {version} van deze vragenlijst bestaat al. Een gewijzigde vragenlijst krijgt een nieuw versienummer.',
	'instrument.at': 'Op {path} ({count} problemen in totaal):',

	// instruments: instruments
	'instruments.title': 'Vragenlijsten',
	'instruments.intro':
		'De ingebouwde barometer en de vragenlijsten die de organisatie zelf laadde, bijvoorbeeld een gevalideerd instrument waarvoor ze een licentie heeft. Elke meting houdt de versie waarmee ze begon.',
	'instruments.builtIn': 'ingebouwd',
	'instruments.items': '{count} vragen',
	'instruments.upload': 'Vragenlijst laden (JSON)',
	'instruments.uploadHelp':
		'Dezelfde vorm als de ingebouwde barometer: sleutel, versie, schaal, dimensies met drempels en vragen in drie talen. Een fout en er wordt niets geladen.',
	'instruments.file': 'JSON-bestand',
	'instruments.submit': 'Laden',
	'instruments.loaded': 'Vragenlijst {key} versie {version} is geladen.',
	'instruments.download': 'De ingebouwde barometer als voorbeeld (JSON)',
	'instruments.provisional': 'voorlopige drempels',

	// unitResults: a unit's results page
	'unitResults.historyTitle': 'Barometer: deze eenheid per meting',
	'unitResults.historyIntro':
		'Per thema het aandeel medewerkers in oranje of rood en de gemiddelde score (0–100) van deze eenheid met haar onderliggende eenheden, in elke afgesloten meting, met de hele organisatie ernaast. Een cijfer verschijnt alleen wanneer de anonimiteitsregels het toelaten.',
	'unitResults.historyCaption': 'Aandeel in oranje of rood en gemiddelde score per thema en meting',
	'unitResults.dimension': 'Thema',
	'unitResults.organisationIn': 'Organisatie, {wave}',
	'unitResults.respondents': 'Antwoorden',
	'unitResults.cell': '{share} oranje/rood, gemiddelde {mean}',
	'unitResults.pooledInto':
		'{wave}: te weinig antwoorden om deze eenheid apart te tonen; haar antwoorden tellen mee in {unit}.',
	'unitResults.pooledIntoOrganisation':
		'{wave}: te weinig antwoorden om deze eenheid apart te tonen; haar antwoorden tellen mee in de hele organisatie.',
	'unitResults.includes': '{wave}: inclusief {units}.',
	'unitResults.notAsked': 'niet bevraagd',
	'unitResults.noWaves': 'Er zijn nog geen afgesloten metingen.',
	'unitResults.signalsTitle': 'Collectieve signalen van deze eenheid',
	'unitResults.signalsIntro':
		'Cijfers uit de HR-gegevens voor deze eenheid met haar onderliggende eenheden. Een maandcijfer over gezondheid verschijnt alleen wanneer de eenheid die maand minstens {k} medewerkers telt en geen kleinere groep laat uitrekenen; een jaarcijfer alleen wanneer dat elke maand van dat jaar zo was.',
	'unitResults.noSignals': 'Voor deze organisatie zijn nog geen collectieve signalen opgeladen.',
	'unitResults.signalsCaption': 'Indicatoren van deze eenheid naast haar eigen verleden en de organisatie',
	'unitResults.indicator': 'Indicator',
	'unitResults.lastMonth': '{month}',
	'unitResults.rolling': '12 maanden tot {month}',
	'unitResults.organisationRolling': 'Organisatie, 12 maanden tot {month}',
	'unitResults.chartTitle': 'Ziekteverzuim per maand',
	'unitResults.chartDescription':
		'Lijngrafiek van het ziekteverzuim van deze eenheid per maand en over 12 maanden, met de organisatie over 12 maanden, van {from} tot {to}. De cijfers staan ook in de tabel hieronder.',
	'unitResults.chartTable': 'Cijfers van de grafiek',
	'unitResults.month': 'Maand',
	'unitResults.series.unitMonth': 'deze eenheid, per maand',
	'unitResults.series.unitRolling': 'deze eenheid, 12 maanden',
	'unitResults.series.organisationRolling': 'organisatie, 12 maanden',
	'unitResults.suppressed.below-k': 'niet getoond: minder dan {k} medewerkers',
	'unitResults.suppressed.secondary': 'niet getoond: zou een kleine groep laten uitrekenen',
	'unitResults.suppressed.remainder': 'niet getoond: de rest van de groep is te klein',
	'unitResults.suppressed.sensitive': 'niet getoond: hogere minimumgroep',
	'unitResults.suppressed.no-data': 'geen gegevens',
	'unitResults.suppressed.changed':
		'niet getoond: gecorrigeerd nadat het eerst getoond werd, nu te weinig mensen',

	// indicator: indicators of collective signals
	'indicator.absenceRate': 'Ziekteverzuim',
	'indicator.absenceRateShort': 'Kort verzuim (tot 1 maand)',
	'indicator.absenceRateMedium': 'Middellang verzuim (1 tot 12 maanden)',
	'indicator.absenceRateLong': 'Lang verzuim (meer dan 1 jaar)',
	'indicator.frequency': 'Verzuimfrequentie',
	'indicator.frequentAbsenteeism': 'Frequent verzuim (3 of meer periodes in 12 maanden)',
	'indicator.averageSpellDuration': 'Gemiddelde duur van een ziekteperiode',
	'indicator.turnoverVoluntary': 'Vrijwillig verloop',
	'indicator.turnoverInvoluntary': 'Onvrijwillig verloop',
	'indicator.newLongIncapacityPer100Fte': 'Nieuwe arbeidsongeschiktheid van meer dan 4 weken',
	'indicator.accidentsPer100Fte': 'Arbeidsongevallen',
	'indicator.value.percent': '{value}%',
	'indicator.value.percentPerYear': '{value}% per jaar',
	'indicator.value.perEmployeePerYear': '{value} per medewerker per jaar',
	'indicator.value.days': '{value} werkdagen',
	'indicator.value.per100FtePerYear': '{value} per 100 VTE per jaar',

	// measure: measures of an action plan
	'measure.notText': 'Vul hier tekst in.',
	'measure.unitUnknown': 'Deze eenheid bestaat niet (meer) in deze organisatie.',
	'measure.ownerUnknown': 'Deze persoon is geen actief lid van deze organisatie.',
	'measure.targetRequired': 'Kies minstens één doel: een dimensie of een signaal.',
	'measure.targetUnknown': 'Onbekend doel: {target}.',
	'measure.domain': 'Kies een van de vijf domeinen van psychosociale risico’s.',
	'measure.preventionLevel': 'Kies primaire, secundaire of tertiaire preventie.',
	'measure.applicationLevel': 'Kies het niveau: de organisatie, een groep of een individu.',
	'measure.status': 'Kies een status: gepland, lopend, uitgevoerd of stopgezet.',
	'measure.droppedReasonRequired': 'Geef aan waarom de maatregel is stopgezet.',
	'measure.dueBeforeStart': 'De einddatum mag niet vóór de startdatum liggen.',
	'measure.amount': 'Vul een getal in van 0 of meer, met hoogstens twee cijfers na de komma.',
	'measure.managementSupport': 'Kies ja, gedeeltelijk of nee.',
	'measure.followUp': 'Kies ja of nee.',
	'measure.noteInFuture': 'Een notitie kan niet later dan vandaag gedateerd zijn.'
} as const;
