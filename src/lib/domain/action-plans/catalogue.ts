import type { CatalogueEntry } from './types';

/**
 * The sources an entry draws on. Entries take facts from them (who does what, how many talks, which
 * legal route), never their wording:
 * - 'HGR 9339': the Superior Health Council's advice "Burn-out and work" (2017);
 * - 'FOD WASO': the federal public service Employment's guidance on psychosocial risks;
 * - 'SOBANE/Déparis': the participatory risk-analysis method and its first-level guide;
 * - 'IDEWE zorgpad': an external prevention service's care pathway (reboost, reload, reconnect);
 * - 'Codex welzijn op het werk': the Belgian code on well-being at work (psychosocial risks,
 *   health surveillance, reintegration).
 */
export const CATALOGUE_SOURCES = [
	'HGR 9339',
	'FOD WASO',
	'SOBANE/Déparis',
	'IDEWE zorgpad',
	'Codex welzijn op het werk'
] as const;

/**
 * The built-in catalogue of measures an advisor can pick from when a unit's barometer dimension or
 * work factor is orange or red, or a collective signal rises. Most entries change the work itself
 * for a whole organisation or group (primary prevention), as the Superior Health Council advises;
 * the secondary entries help people cope with the demands of their work, the tertiary ones care for
 * people who dropped out and prepare their return. Individual entries always start from the work,
 * never from the person's character. catalogue.test.ts keeps the balance.
 */
export const CATALOGUE: readonly CatalogueEntry[] = Object.freeze([
	// Work organisation
	{
		id: 'workload-planning-meeting',
		title: {
			nl: 'Werkverdeling vast agenderen op het werkoverleg',
			fr: 'Mettre la répartition du travail à l’ordre du jour de chaque réunion d’équipe',
			en: 'Put the workload on the agenda of every team meeting'
		},
		how: {
			nl: 'Leg op elk werkoverleg de taken van de komende weken naast de beschikbare uren. Spreek af wat wordt uitgesteld, herverdeeld of geschrapt wanneer het niet past, en noteer wie dat beslist.',
			fr: 'À chaque réunion d’équipe, comparez les tâches des semaines à venir avec les heures disponibles. Convenez de ce qui est reporté, redistribué ou abandonné quand cela ne rentre pas, et notez qui en décide.',
			en: 'At every team meeting, set the tasks of the coming weeks against the hours available. Agree what is postponed, moved or dropped when it does not fit, and write down who decides.'
		},
		watchOut: {
			nl: 'Het overleg helpt alleen als er ook echt taken vervallen. Een lijst die elke week langer wordt, verhoogt de druk.',
			fr: 'La réunion n’aide que si des tâches disparaissent réellement. Une liste qui s’allonge chaque semaine augmente la pression.',
			en: 'The meeting only helps if tasks really come off the list. A list that grows every week adds to the pressure.'
		},
		targets: {
			dimensions: ['workload', 'overstrain', 'stress'],
			signals: ['absenceRateShort', 'frequency']
		},
		domain: 'work-organisation',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'IDEWE zorgpad']
	},
	{
		id: 'staffing-to-workload',
		title: {
			nl: 'De personeelsbezetting afstemmen op het werkelijke werkvolume',
			fr: 'Aligner les effectifs sur le volume de travail réel',
			en: 'Match staffing to the real volume of work'
		},
		how: {
			nl: 'Breng per team het werkvolume van de voorbije maanden in kaart en vergelijk het met de bezetting in voltijdse equivalenten. Pas de formatie of de opdrachten aan waar ze structureel uit elkaar lopen, en leg het resultaat voor aan het comité voor preventie en bescherming op het werk.',
			fr: 'Relevez par équipe le volume de travail des derniers mois et comparez-le à l’effectif en équivalents temps plein. Adaptez le cadre ou les missions là où ils divergent durablement, et présentez le résultat au comité pour la prévention et la protection au travail.',
			en: 'Chart each team’s volume of work over the past months and compare it with its staffing in full-time equivalents. Adjust the headcount or the assignments where the two drift apart for good, and present the result to the committee for prevention and protection at work.'
		},
		watchOut: {
			nl: 'Tel afwezigheden en openstaande vacatures niet mee als beschikbare capaciteit. Anders lijkt de bezetting op papier in orde.',
			fr: 'Ne comptez pas les absences ni les postes vacants comme capacité disponible. Sinon, l’effectif paraît suffisant sur le papier.',
			en: 'Do not count absences and open vacancies as available capacity. Otherwise the staffing looks sufficient on paper only.'
		},
		targets: {
			dimensions: ['workload', 'overstrain', 'burnout'],
			signals: ['absenceRate', 'newLongIncapacityPer100Fte']
		},
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'clear-priorities',
		title: {
			nl: 'Heldere prioriteiten geven wanneer opdrachten botsen',
			fr: 'Fixer des priorités claires quand les demandes se contredisent',
			en: 'Set clear priorities when demands collide'
		},
		how: {
			nl: 'De directie en de leidinggevenden maken per periode bekend welke opdrachten voorgaan. Nieuwe vragen komen via één aanspreekpunt binnen, dat ze afweegt tegen wat al loopt.',
			fr: 'La direction et la ligne hiérarchique annoncent pour chaque période les missions prioritaires. Les nouvelles demandes passent par un seul point de contact, qui les met en balance avec ce qui est déjà en cours.',
			en: 'Senior management and line managers announce, for each period, which assignments come first. New requests arrive through a single point of contact that weighs them against the work already under way.'
		},
		watchOut: {
			nl: 'Als alles prioritair is, is niets het. Een prioriteit toevoegen betekent zeggen wat ervoor wijkt.',
			fr: 'Si tout est prioritaire, rien ne l’est. Ajouter une priorité, c’est dire ce qui passe après.',
			en: 'When everything is a priority, nothing is. Adding a priority means saying what gives way.'
		},
		targets: { dimensions: ['workload', 'role-clarity', 'stress'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO']
	},
	{
		id: 'role-agreements',
		title: {
			nl: 'Taken en verantwoordelijkheden per functie samen uitschrijven',
			fr: 'Décrire ensemble les tâches et responsabilités de chaque fonction',
			en: 'Write down the tasks and responsibilities of each role together'
		},
		how: {
			nl: 'Beschrijf met het team wie waarvoor verantwoordelijk is, wie wat beslist en bij wie men terechtkan. Bespreek de overlappen en de gaten op het werkoverleg en stel de afspraken bij wanneer het werk verandert.',
			fr: 'Décrivez avec l’équipe qui est responsable de quoi, qui décide de quoi et à qui s’adresser. Discutez des chevauchements et des lacunes en réunion d’équipe et adaptez les accords quand le travail change.',
			en: 'Describe with the team who is responsible for what, who decides what and whom to turn to. Discuss overlaps and gaps at the team meeting and revise the agreements when the work changes.'
		},
		watchOut: {
			nl: 'Tegenstrijdige opdrachten van verschillende leidinggevenden verdwijnen niet door een functiebeschrijving. Maak ook afspraken tussen de leidinggevenden zelf.',
			fr: 'Une description de fonction ne fait pas disparaître les consignes contradictoires de plusieurs responsables. Prenez aussi des accords entre les responsables eux-mêmes.',
			en: 'A job description does not end conflicting instructions from several managers. Make agreements between the managers themselves too.'
		},
		targets: { dimensions: ['role-clarity', 'conflict', 'stress'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'group',
		sources: ['FOD WASO', 'SOBANE/Déparis']
	},
	{
		id: 'right-to-disconnect',
		title: {
			nl: 'Afspraken maken over bereikbaarheid buiten de werkuren',
			fr: 'Convenir de la joignabilité en dehors des heures de travail',
			en: 'Agree on reachability outside working hours'
		},
		how: {
			nl: 'Leg met de werknemersvertegenwoordigers vast wanneer mails en berichten beantwoord moeten worden en wanneer niet. Neem de afspraken op in het arbeidsreglement of een cao, en laat de leidinggevenden het voorbeeld geven.',
			fr: 'Fixez avec les représentants des travailleurs quand il faut répondre aux courriels et messages, et quand ce n’est pas nécessaire. Inscrivez les accords dans le règlement de travail ou une convention collective, et demandez à la ligne hiérarchique de montrer l’exemple.',
			en: 'Settle with the workers’ representatives when e-mails and messages must be answered and when they need not be. Record the agreements in the work rules or a collective agreement, and have managers set the example.'
		},
		watchOut: {
			nl: 'Een regel die de leidinggevenden zelf niet volgen, blijft dode letter. Voorzie een uitzondering voor echte noodgevallen en omschrijf die.',
			fr: 'Une règle que la hiérarchie elle-même ne respecte pas reste lettre morte. Prévoyez une exception pour les vraies urgences et définissez-la.',
			en: 'A rule the managers do not keep themselves stays a dead letter. Provide an exception for real emergencies, and define it.'
		},
		targets: { dimensions: ['work-private-balance', 'overstrain', 'stress'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO', 'Codex welzijn op het werk']
	},
	{
		id: 'participation-in-change',
		title: {
			nl: 'Medewerkers vroeg betrekken bij veranderingen',
			fr: 'Associer tôt le personnel aux changements',
			en: 'Involve staff early in changes'
		},
		how: {
			nl: 'Kondig een verandering aan voordat de keuzes vastliggen en zet een werkgroep op met mensen uit de betrokken teams. Test nieuwe werkwijzen eerst op kleine schaal en pas ze aan op basis van hun ervaring.',
			fr: 'Annoncez un changement avant que les choix ne soient arrêtés et créez un groupe de travail avec des membres des équipes concernées. Testez les nouvelles méthodes à petite échelle et adaptez-les selon leur expérience.',
			en: 'Announce a change before the choices are fixed and set up a working group with people from the teams concerned. Try new ways of working on a small scale first and adjust them to what those people find.'
		},
		watchOut: {
			nl: 'Inspraak waarvan niets terug te zien is, ondermijnt het vertrouwen. Zeg ook welke voorstellen niet werden gevolgd en waarom.',
			fr: 'Une consultation dont rien ne transparaît sape la confiance. Dites aussi quelles propositions n’ont pas été retenues, et pourquoi.',
			en: 'A say that leaves no visible trace undermines trust. Also tell people which proposals were not followed, and why.'
		},
		targets: { dimensions: ['participation', 'anxiety', 'engagement'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO', 'SOBANE/Déparis']
	},
	{
		id: 'results-feedback-sessions',
		title: {
			nl: 'De resultaten van de barometer met elk team bespreken',
			fr: 'Discuter des résultats du baromètre avec chaque équipe',
			en: 'Discuss the barometer results with each team'
		},
		how: {
			nl: 'Toon elk team zijn eigen geaggregeerde resultaten en vraag wat erachter zit. Kies samen één tot drie knelpunten en zet daar maatregelen op die het team zelf mee uitwerkt.',
			fr: 'Montrez à chaque équipe ses propres résultats agrégés et demandez ce qui se cache derrière. Choisissez ensemble un à trois points critiques et définissez des mesures que l’équipe élabore elle-même.',
			en: 'Show each team its own aggregated results and ask what lies behind them. Choose one to three pain points together and set up measures the team helps to shape.'
		},
		watchOut: {
			nl: 'Zoek niet uit wie wat geantwoord heeft: het gesprek gaat over het werk, niet over personen. Een meting zonder opvolging maakt de volgende meting minder betrouwbaar.',
			fr: 'Ne cherchez pas à savoir qui a répondu quoi : la discussion porte sur le travail, pas sur les personnes. Un baromètre sans suite rend le suivant moins fiable.',
			en: 'Never try to find out who answered what: the talk is about the work, not about people. A survey without follow-up makes the next one less reliable.'
		},
		targets: { dimensions: ['participation', 'engagement'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'SOBANE/Déparis']
	},
	{
		id: 'collective-signal-review',
		title: {
			nl: 'Herhaalde signalen collectief melden aan het comité',
			fr: 'Signaler collectivement les signaux répétés au comité',
			en: 'Report repeated signals collectively to the committee'
		},
		how: {
			nl: 'De arbeidsarts en de preventieadviseur psychosociale aspecten brengen elk jaar in geanonimiseerde vorm samen wat ze in consultaties en cijfers terugzien. Ze melden aan het comité voor preventie en bescherming op het werk in welke eenheden overbelasting of uitval terugkeert, zodat daar het werk wordt bekeken.',
			fr: 'Chaque année, le médecin du travail et le conseiller en prévention aspects psychosociaux rassemblent sous forme anonyme ce qu’ils observent dans les consultations et les chiffres. Ils signalent au comité pour la prévention et la protection au travail les unités où la surcharge ou les absences reviennent, afin que le travail y soit examiné.',
			en: 'Each year the occupational physician and the prevention advisor for psychosocial aspects bring together, anonymised, what they see in consultations and figures. They tell the committee for prevention and protection at work in which units overload or dropout keeps returning, so the work there gets looked at.'
		},
		watchOut: {
			nl: 'Rapporteer nooit over eenheden die zo klein zijn dat iemand herkenbaar wordt. Het medisch beroepsgeheim blijft gelden.',
			fr: 'Ne rapportez jamais sur des unités si petites que quelqu’un devient reconnaissable. Le secret médical reste d’application.',
			en: 'Never report on units so small that someone becomes recognisable. Medical confidentiality still applies.'
		},
		targets: {
			dimensions: ['burnout', 'overstrain'],
			signals: ['absenceRate', 'absenceRateLong', 'newLongIncapacityPer100Fte']
		},
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'Codex welzijn op het werk']
	},
	{
		id: 'measure-evaluation',
		title: {
			nl: 'Elke maatregel evalueren en structureel verankeren',
			fr: 'Évaluer chaque mesure et l’ancrer durablement',
			en: 'Evaluate every measure and build it into the structure'
		},
		how: {
			nl: 'Noteer bij elke maatregel hoe ze werd uitgevoerd, hoe de medewerkers ze ervaren hebben en of de leidinggevenden ze gesteund hebben. Neem wat werkt op in het jaarlijks actieplan en het globaal preventieplan, en plan opfrissessies.',
			fr: 'Notez pour chaque mesure comment elle a été mise en œuvre, comment le personnel l’a vécue et si la ligne hiérarchique l’a soutenue. Intégrez ce qui fonctionne dans le plan d’action annuel et le plan global de prévention, et prévoyez des séances de rappel.',
			en: 'For every measure, record how it was carried out, how staff experienced it and whether managers backed it. Build what works into the annual action plan and the global prevention plan, and schedule booster sessions.'
		},
		watchOut: {
			nl: 'Het effect van een eenmalige actie dooft na enkele maanden uit. Een maatregel die niemand opvolgt, telt niet als uitgevoerd.',
			fr: 'L’effet d’une action ponctuelle s’estompe après quelques mois. Une mesure que personne ne suit ne compte pas comme réalisée.',
			en: 'The effect of a one-off action fades within months. A measure nobody follows up does not count as done.'
		},
		targets: { dimensions: ['participation', 'support-manager'], signals: [] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'Codex welzijn op het werk']
	},
	{
		id: 'absence-cover',
		title: {
			nl: 'Werk van afwezige collega’s uitdrukkelijk herverdelen of laten vallen',
			fr: 'Redistribuer ou suspendre explicitement le travail des collègues absents',
			en: 'Redistribute or drop the work of absent colleagues explicitly'
		},
		how: {
			nl: 'Beslis bij elke afwezigheid van meer dan enkele dagen welke taken blijven liggen, welke iemand anders overneemt en met welke uren. Voorzie vervanging zodra een afwezigheid langer dreigt te duren.',
			fr: 'À chaque absence de plus de quelques jours, décidez quelles tâches attendent, lesquelles sont reprises par quelqu’un d’autre et avec quelles heures. Prévoyez un remplacement dès qu’une absence risque de se prolonger.',
			en: 'For every absence longer than a few days, decide which tasks wait, which someone else takes over and with which hours. Arrange a replacement as soon as an absence looks like lasting.'
		},
		watchOut: {
			nl: 'Werk dat stilzwijgend bij collega’s terechtkomt, maakt van één afwezigheid er snel meerdere.',
			fr: 'Le travail qui glisse en silence vers les collègues transforme vite une absence en plusieurs.',
			en: 'Work that silently lands on colleagues soon turns one absence into several.'
		},
		targets: {
			dimensions: ['workload', 'support-colleagues'],
			signals: ['absenceRateMedium', 'frequency']
		},
		domain: 'work-organisation',
		level: 'primary',
		application: 'group',
		sources: ['IDEWE zorgpad', 'FOD WASO']
	},
	// Job content
	{
		id: 'task-redesign-workshop',
		title: {
			nl: 'Met het team de taken herbekijken op energie en belasting',
			fr: 'Revoir les tâches avec l’équipe selon ce qui donne et ce qui prend de l’énergie',
			en: 'Review the tasks with the team for what gives and what drains energy'
		},
		how: {
			nl: 'Laat het team in een werksessie oplijsten welke taken energie geven en welke vooral belasten. Zoek samen naar een andere verdeling, bundeling of aanpak van de zwaarste taken, en leg de afspraken vast.',
			fr: 'Lors d’un atelier, demandez à l’équipe de lister les tâches qui donnent de l’énergie et celles qui pèsent surtout. Cherchez ensemble une autre répartition, un regroupement ou une autre approche des tâches les plus lourdes, et consignez les accords.',
			en: 'In a workshop, have the team list the tasks that give energy and those that mostly weigh. Look together for another split, grouping or approach to the heaviest tasks, and record the agreements.'
		},
		watchOut: {
			nl: 'De zware taken mogen niet steeds bij dezelfde mensen belanden. Wie de nieuwe verdeling niet ziet zitten, moet dat kunnen zeggen.',
			fr: 'Les tâches lourdes ne doivent pas toujours échoir aux mêmes personnes. Chacun doit pouvoir dire que la nouvelle répartition ne lui convient pas.',
			en: 'Heavy tasks must not always end up with the same people. Anyone unhappy with the new split must be able to say so.'
		},
		targets: { dimensions: ['engagement', 'autonomy', 'development'], signals: [] },
		domain: 'job-content',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'IDEWE zorgpad']
	},
	{
		id: 'autonomy-in-method',
		title: {
			nl: 'Ruimte geven in hoe en wanneer het werk gebeurt',
			fr: 'Laisser de la latitude sur la manière et le moment de faire le travail',
			en: 'Give room in how and when the work is done'
		},
		how: {
			nl: 'Spreek met het team de te bereiken resultaten af en laat de werkwijze en het tempo zoveel mogelijk aan de medewerkers. Schrap controles en goedkeuringen die niets toevoegen.',
			fr: 'Convenez avec l’équipe des résultats à atteindre et laissez autant que possible la méthode et le rythme aux travailleurs. Supprimez les contrôles et approbations qui n’apportent rien.',
			en: 'Agree with the team on the results to reach and leave the method and pace to the staff as far as possible. Cut checks and sign-offs that add nothing.'
		},
		watchOut: {
			nl: 'Meer vrijheid zonder meer middelen verschuift de druk alleen. Waar het proces vastligt, kan inspraak in de planning wel.',
			fr: 'Plus de liberté sans plus de moyens ne fait que déplacer la pression. Là où le processus est figé, on peut encore associer les gens au planning.',
			en: 'More freedom without more means only shifts the pressure. Where the process is fixed, people can still have a say in the planning.'
		},
		targets: { dimensions: ['autonomy', 'engagement', 'stress'], signals: [] },
		domain: 'job-content',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'task-rotation',
		title: {
			nl: 'Emotioneel zware taken spreiden over het team',
			fr: 'Répartir les tâches émotionnellement lourdes sur l’équipe',
			en: 'Spread emotionally heavy tasks across the team'
		},
		how: {
			nl: 'Bepaal samen welke taken emotioneel het zwaarst wegen, zoals moeilijke gesprekken of contact met agressieve klanten. Laat die taken rouleren en wissel ze af met lichter werk in dezelfde dag of week.',
			fr: 'Déterminez ensemble quelles tâches pèsent le plus émotionnellement, comme les entretiens difficiles ou le contact avec des clients agressifs. Faites-les tourner et alternez-les avec un travail plus léger dans la même journée ou la même semaine.',
			en: 'Decide together which tasks weigh most emotionally, such as difficult conversations or contact with aggressive clients. Rotate them and alternate them with lighter work within the same day or week.'
		},
		watchOut: {
			nl: 'Rotatie vraagt dat iedereen voor die taken opgeleid is. Wie net een ingrijpend voorval meemaakte, krijgt eerst rust.',
			fr: 'La rotation suppose que chacun soit formé à ces tâches. Qui vient de vivre un incident marquant reçoit d’abord du répit.',
			en: 'Rotation needs everyone to be trained for those tasks. Someone who has just lived through a serious incident gets a break first.'
		},
		targets: { dimensions: ['emotional-load', 'workload', 'burnout'], signals: [] },
		domain: 'job-content',
		level: 'primary',
		application: 'group',
		sources: ['FOD WASO', 'SOBANE/Déparis']
	},
	{
		id: 'caseload-limits',
		title: {
			nl: 'Een bovengrens zetten op het aantal zware dossiers per persoon',
			fr: 'Plafonner le nombre de dossiers lourds par personne',
			en: 'Cap the number of heavy cases per person'
		},
		how: {
			nl: 'Spreek per functie af hoeveel emotioneel of inhoudelijk zware dossiers of contacten iemand tegelijk opneemt. Plan na een zwaar contact tijd voor verwerking en administratie in.',
			fr: 'Convenez par fonction du nombre de dossiers ou contacts lourds, sur le plan émotionnel ou du contenu, qu’une personne prend en charge en même temps. Prévoyez après un contact difficile du temps pour souffler et pour l’administratif.',
			en: 'Agree per role how many emotionally or technically heavy cases or contacts one person carries at once. After a heavy contact, plan time to process it and do the paperwork.'
		},
		watchOut: {
			nl: 'Een grens zonder plan voor de wachtlijst verschuift de druk naar het onthaal of de leidinggevende.',
			fr: 'Un plafond sans plan pour la liste d’attente déplace la pression vers l’accueil ou le responsable.',
			en: 'A cap without a plan for the waiting list moves the pressure to the front desk or the manager.'
		},
		targets: { dimensions: ['emotional-load', 'overstrain', 'burnout'], signals: [] },
		domain: 'job-content',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'realistic-job-preview',
		title: {
			nl: 'Bij aanwerving een realistisch beeld van de job geven en nieuwkomers een peter of meter toewijzen',
			fr: 'Donner une image réaliste du poste au recrutement et désigner un parrain ou une marraine pour les nouveaux',
			en: 'Give a realistic picture of the job when hiring and pair newcomers with a buddy'
		},
		how: {
			nl: 'Laat kandidaten een dag meelopen of met toekomstige collega’s praten over de echte eisen van het werk. Geef elke nieuwkomer de eerste maanden een ervaren collega als aanspreekpunt, met tijd daarvoor in beider planning.',
			fr: 'Proposez aux candidats une journée d’observation ou un échange avec leurs futurs collègues sur les exigences réelles du travail. Donnez à chaque nouveau, pendant les premiers mois, un collègue expérimenté comme personne de contact, avec du temps prévu pour cela dans les deux plannings.',
			en: 'Let candidates shadow the team for a day or talk with future colleagues about the real demands of the work. Give every newcomer an experienced colleague to turn to for the first months, with time for it in both their schedules.'
		},
		watchOut: {
			nl: 'Een te rooskleurige vacature levert teleurstelling en vroeg vertrek op. De peter of meter heeft zelf ook werk dat moet wijken.',
			fr: 'Une offre d’emploi trop rose mène à la déception et à des départs précoces. Le parrain ou la marraine a aussi du travail qui doit être allégé.',
			en: 'A rosy job advert leads to disappointment and early leaving. The buddy also has work that has to make way.'
		},
		targets: {
			dimensions: ['role-clarity', 'support-colleagues', 'engagement'],
			signals: ['turnoverVoluntary']
		},
		domain: 'job-content',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339']
	},
	// Terms of employment
	{
		id: 'schedule-predictability',
		title: {
			nl: 'Uurroosters tijdig bekendmaken en wijzigingen overleggen',
			fr: 'Publier les horaires à temps et concerter les modifications',
			en: 'Publish rosters in good time and consult on changes'
		},
		how: {
			nl: 'Maak de uurroosters ruim op voorhand bekend en houd rekening met vaste verplichtingen buiten het werk. Wijzig een rooster op korte termijn alleen na overleg en compenseer de wijziging.',
			fr: 'Publiez les horaires bien à l’avance et tenez compte des obligations fixes en dehors du travail. Ne modifiez un horaire à court terme qu’après concertation et compensez la modification.',
			en: 'Publish rosters well ahead and take fixed commitments outside work into account. Change a roster at short notice only after consultation, and compensate the change.'
		},
		watchOut: {
			nl: 'Als dezelfde mensen telkens inspringen, raakt hun balans het eerst verstoord. Houd bij wie hoe vaak invalt.',
			fr: 'Si ce sont toujours les mêmes qui dépannent, leur équilibre est le premier touché. Tenez à jour qui remplace et à quelle fréquence.',
			en: 'If the same people always step in, their balance is the first to suffer. Keep track of who covers and how often.'
		},
		targets: {
			dimensions: ['work-private-balance', 'stress'],
			signals: ['frequentAbsenteeism', 'turnoverVoluntary']
		},
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO']
	},
	{
		id: 'recognition-practice',
		title: {
			nl: 'Inzet en bijdragen geregeld en concreet erkennen',
			fr: 'Reconnaître régulièrement et concrètement les efforts et les contributions',
			en: 'Recognise effort and contributions regularly and concretely'
		},
		how: {
			nl: 'De leidinggevende benoemt op het werkoverleg en in gesprekken concreet wat iemand of het team gedaan heeft, ook het onzichtbare werk. Laat erkenning ook blijken in middelen, zoals tijd, opleiding of een aangepaste taak.',
			fr: 'En réunion d’équipe et lors des entretiens, le responsable nomme concrètement ce qu’une personne ou l’équipe a accompli, y compris le travail invisible. La reconnaissance se traduit aussi en moyens, comme du temps, une formation ou une tâche adaptée.',
			en: 'At team meetings and in one-to-ones, the line manager names concretely what a person or the team has done, invisible work included. Let recognition show in means too, such as time, training or an adjusted task.'
		},
		watchOut: {
			nl: 'Erkenning is geen vervanging voor haalbaar werk. Lof die alleen de uitblinkers bereikt, kan de rest ontmoedigen.',
			fr: 'La reconnaissance ne remplace pas un travail faisable. Des éloges qui ne vont qu’aux plus brillants peuvent décourager les autres.',
			en: 'Recognition does not replace a workable job. Praise that only reaches the stars can discourage everyone else.'
		},
		targets: { dimensions: ['recognition', 'engagement'], signals: [] },
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'fair-evaluation',
		title: {
			nl: 'Evaluatie en verloning baseren op eerlijke criteria die vooraf bekend zijn',
			fr: 'Fonder l’évaluation et la rémunération sur des critères connus à l’avance et équitables',
			en: 'Base appraisal and pay on fair criteria known in advance'
		},
		how: {
			nl: 'Maak bekend op welke criteria evaluatie, loon en promotie berusten en bespreek ze aan het begin van de periode. Voorzie een beroepsmogelijkheid bij een tweede beoordelaar.',
			fr: 'Faites connaître les critères d’évaluation, de rémunération et de promotion et discutez-en au début de la période. Prévoyez un recours auprès d’un second évaluateur.',
			en: 'Make known the criteria behind appraisal, pay and promotion and discuss them at the start of the period. Provide an appeal to a second assessor.'
		},
		watchOut: {
			nl: 'Gebruik de resultaten van de barometer of verzuimcijfers nooit in een individuele evaluatie.',
			fr: 'N’utilisez jamais les résultats du baromètre ni les chiffres d’absence dans une évaluation individuelle.',
			en: 'Never use barometer results or absence figures in anyone’s appraisal.'
		},
		targets: {
			dimensions: ['recognition', 'conflict', 'anxiety'],
			signals: ['turnoverInvoluntary']
		},
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO']
	},
	{
		id: 'development-plan',
		title: {
			nl: 'Ieder jaar een ontwikkelingsgesprek met opleidingstijd binnen de werkuren',
			fr: 'Un entretien de développement chaque année, avec du temps de formation pendant les heures de travail',
			en: 'A yearly development talk, with training time within working hours'
		},
		how: {
			nl: 'Bespreek jaarlijks met elke medewerker wat die wil bijleren en welke richting de functie uitgaat. Reserveer opleidingstijd en budget per team en plan de vorming in de werkuren.',
			fr: 'Discutez chaque année avec chaque travailleur de ce qu’il souhaite apprendre et de l’évolution de la fonction. Réservez du temps et un budget de formation par équipe et planifiez les formations pendant les heures de travail.',
			en: 'Each year, discuss with every employee what they want to learn and where the role is heading. Reserve training time and budget per team and plan training within working hours.'
		},
		watchOut: {
			nl: 'Opleiding bovenop een volle agenda wordt zelf een belasting. Het gesprek gaat over groei, niet over tekorten.',
			fr: 'Une formation ajoutée à un agenda plein devient elle-même une charge. L’entretien porte sur l’évolution, pas sur les manquements.',
			en: 'Training on top of a full diary becomes a burden itself. The talk is about growth, not shortcomings.'
		},
		targets: { dimensions: ['development', 'engagement'], signals: ['turnoverVoluntary'] },
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'job-security-communication',
		title: {
			nl: 'Open en tijdig communiceren over herstructureringen en contracten',
			fr: 'Communiquer ouvertement et à temps sur les restructurations et les contrats',
			en: 'Communicate openly and in time about restructuring and contracts'
		},
		how: {
			nl: 'Informeer medewerkers zo vroeg als wettelijk mogelijk over plannen die hun job raken, en zeg eerlijk wat nog niet vastligt. Laat wie een tijdelijk contract heeft ruim op voorhand weten of het verlengd wordt.',
			fr: 'Informez le personnel aussi tôt que la loi le permet des projets qui touchent son emploi, et dites honnêtement ce qui n’est pas encore décidé. Faites savoir bien à l’avance aux personnes sous contrat temporaire si celui-ci sera prolongé.',
			en: 'Tell staff as early as the law allows about plans that affect their jobs, and say honestly what is not yet settled. Let people on temporary contracts know well ahead whether theirs will be renewed.'
		},
		watchOut: {
			nl: 'Geruchten vullen elke stilte. Zorg dat leidinggevenden dezelfde informatie hebben als hun teams, of eerder.',
			fr: 'Les rumeurs comblent chaque silence. Veillez à ce que la hiérarchie dispose des mêmes informations que ses équipes, ou plus tôt.',
			en: 'Rumours fill every silence. Make sure managers have the same information as their teams, or earlier.'
		},
		targets: {
			dimensions: ['anxiety', 'stress', 'participation'],
			signals: ['turnoverVoluntary', 'turnoverInvoluntary']
		},
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO']
	},
	{
		id: 'exit-interview-analysis',
		title: {
			nl: 'Vertrekredenen collectief analyseren',
			fr: 'Analyser collectivement les raisons de départ',
			en: 'Analyse the reasons for leaving collectively'
		},
		how: {
			nl: 'Bied elke vertrekkende medewerker een exitgesprek of korte vragenlijst aan bij iemand buiten de eigen lijn. Bundel de antwoorden per jaar en per afdeling van voldoende grootte en neem de terugkerende werkgebonden redenen op in het actieplan.',
			fr: 'Proposez à chaque partant un entretien de sortie ou un court questionnaire auprès d’une personne extérieure à sa ligne hiérarchique. Regroupez les réponses par année et par service de taille suffisante, et reprenez les raisons liées au travail qui reviennent dans le plan d’action.',
			en: 'Offer everyone who leaves an exit interview or a short questionnaire with someone outside their own line. Pool the answers per year and per department of sufficient size, and take the recurring work-related reasons into the action plan.'
		},
		watchOut: {
			nl: 'Wie vertrekt, zegt niet altijd alles. Lees de redenen samen met verzuim- en barometercijfers.',
			fr: 'Les partants ne disent pas toujours tout. Lisez les raisons avec les chiffres d’absence et du baromètre.',
			en: 'People who leave do not always say everything. Read the reasons alongside the absence and barometer figures.'
		},
		targets: { dimensions: ['recognition', 'development'], signals: ['turnoverVoluntary'] },
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339']
	},
	{
		id: 'flexible-working',
		title: {
			nl: 'Glijdende uren en telewerk toelaten waar het werk het toelaat',
			fr: 'Permettre horaires flexibles et télétravail là où le travail le permet',
			en: 'Allow flexible hours and telework where the work permits'
		},
		how: {
			nl: 'Bepaal per functie welke ruimte er is voor glijdende uren en telewerk en leg de afspraken schriftelijk vast. Spreek vaste momenten af waarop het team samen is.',
			fr: 'Déterminez par fonction la marge possible pour les horaires flexibles et le télétravail, et mettez les accords par écrit. Convenez de moments fixes où l’équipe se retrouve.',
			en: 'Decide per role how much room there is for flexible hours and telework, and put the agreements in writing. Agree on fixed moments when the team is together.'
		},
		watchOut: {
			nl: 'Flexibiliteit kan het werk tot in de avond laten doorlopen. Combineer deze maatregel met afspraken over bereikbaarheid.',
			fr: 'La flexibilité peut prolonger le travail jusque tard le soir. Combinez cette mesure avec des accords sur la joignabilité.',
			en: 'Flexibility can let work run on into the evening. Combine this measure with agreements on reachability.'
		},
		targets: { dimensions: ['work-private-balance', 'autonomy'], signals: [] },
		domain: 'terms-of-employment',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO']
	},
	// Working conditions
	{
		id: 'workplace-walkthrough',
		title: {
			nl: 'De werkplek samen met het team doorlopen met de SOBANE-methode',
			fr: 'Passer en revue le lieu de travail avec l’équipe selon la méthode SOBANE',
			en: 'Walk through the workplace with the team using the SOBANE method'
		},
		how: {
			nl: 'Overloop met een kleine groep medewerkers en hun leidinggevende de werkplek aan de hand van de Déparis-gids: lawaai, licht, houding, materiaal en indeling. Los op wat meteen kan en zet de rest met een termijn in het actieplan.',
			fr: 'Passez en revue le lieu de travail avec un petit groupe de travailleurs et leur responsable à l’aide du guide Déparis : bruit, éclairage, postures, matériel et aménagement. Réglez ce qui peut l’être tout de suite et inscrivez le reste avec un délai dans le plan d’action.',
			en: 'Go over the workplace with a small group of staff and their manager using the Déparis guide: noise, light, posture, equipment and layout. Fix what can be fixed at once and put the rest in the action plan with a deadline.'
		},
		watchOut: {
			nl: 'De methode werkt doordat de mensen die het werk doen zelf meekijken. Een rondgang door alleen de preventiedienst mist veel.',
			fr: 'La méthode fonctionne parce que ceux qui font le travail y participent eux-mêmes. Une visite par le seul service de prévention passe à côté de beaucoup de choses.',
			en: 'The method works because the people who do the work take part. A round by the prevention service alone misses a lot.'
		},
		targets: {
			dimensions: ['stress', 'workload'],
			signals: ['accidentsPer100Fte', 'absenceRateShort']
		},
		domain: 'working-conditions',
		level: 'primary',
		application: 'group',
		sources: ['SOBANE/Déparis']
	},
	{
		id: 'quiet-work-spaces',
		title: {
			nl: 'Stille ruimtes voorzien voor geconcentreerd werk',
			fr: 'Prévoir des espaces calmes pour le travail qui demande de la concentration',
			en: 'Provide quiet rooms for work that needs concentration'
		},
		how: {
			nl: 'Richt in een open kantoor enkele afgesloten werkplekken of stilteruimtes in. Maak met het team afspraken over telefoneren, overleg en geluid op de werkvloer.',
			fr: 'Dans un bureau paysager, aménagez quelques postes fermés ou espaces de silence. Convenez avec l’équipe de règles pour les appels, les réunions et le bruit sur le plateau.',
			en: 'In an open-plan office, set up a few closed workstations or silent rooms. Agree with the team on phone calls, meetings and noise on the floor.'
		},
		watchOut: {
			nl: 'Als er te weinig stille plekken zijn, worden ze een bron van onenigheid. Kijk na een paar maanden of ze gebruikt worden.',
			fr: 'S’il y a trop peu d’espaces calmes, ils deviennent une source de désaccord. Vérifiez après quelques mois s’ils sont utilisés.',
			en: 'Too few quiet places become a source of friction. Check after a few months whether they are used.'
		},
		targets: { dimensions: ['stress', 'burnout'], signals: [] },
		domain: 'working-conditions',
		level: 'primary',
		application: 'organisation',
		sources: ['SOBANE/Déparis', 'FOD WASO']
	},
	{
		id: 'reliable-work-tools',
		title: {
			nl: 'Werkmiddelen en software laten werken voor wie ermee werkt',
			fr: 'Faire en sorte que les outils et logiciels servent ceux qui les utilisent',
			en: 'Make tools and software work for the people who use them'
		},
		how: {
			nl: 'Vraag het team welke toestellen, systemen of formulieren het meeste tijd of ergernis kosten. Herstel of vervang ze, en betrek de gebruikers bij de keuze van nieuwe werkmiddelen.',
			fr: 'Demandez à l’équipe quels appareils, systèmes ou formulaires font perdre le plus de temps ou causent le plus d’agacement. Réparez-les ou remplacez-les, et associez les utilisateurs au choix des nouveaux outils.',
			en: 'Ask the team which devices, systems or forms cost the most time or irritation. Repair or replace them, and involve the users in choosing new tools.'
		},
		watchOut: {
			nl: 'Een nieuw systeem vraagt een leerperiode met minder werk. Reken die tijd mee in de planning.',
			fr: 'Un nouveau système demande une période d’apprentissage avec moins de travail. Comptez ce temps dans le planning.',
			en: 'A new system needs a learning period with a lighter load. Count that time in the planning.'
		},
		targets: { dimensions: ['workload', 'stress', 'participation'], signals: [] },
		domain: 'working-conditions',
		level: 'primary',
		application: 'organisation',
		sources: ['SOBANE/Déparis']
	},
	{
		id: 'accident-analysis-work-pressure',
		title: {
			nl: 'Bij elk arbeidsongeval ook naar werkdruk en vermoeidheid kijken',
			fr: 'Examiner aussi la pression du travail et la fatigue lors de chaque accident du travail',
			en: 'Look at work pressure and fatigue in every work accident analysis'
		},
		how: {
			nl: 'Vraag bij de analyse van een arbeidsongeval of bijna-ongeval ook naar tijdsdruk, onderbezetting, lange diensten en onderbrekingen. Bespreek de patronen elk kwartaal in het comité voor preventie en bescherming op het werk.',
			fr: 'Lors de l’analyse d’un accident du travail ou d’un presque-accident, interrogez-vous aussi sur la pression du temps, le sous-effectif, les longues prestations et les interruptions. Discutez des tendances chaque trimestre au comité pour la prévention et la protection au travail.',
			en: 'When analysing a work accident or near miss, also ask about time pressure, understaffing, long shifts and interruptions. Discuss the patterns every quarter in the committee for prevention and protection at work.'
		},
		watchOut: {
			nl: 'Zoek oorzaken in het werk, niet een schuldige. Anders worden bijna-ongevallen niet meer gemeld.',
			fr: 'Cherchez des causes dans le travail, pas un coupable. Sinon, les presque-accidents ne seront plus déclarés.',
			en: 'Look for causes in the work, not for someone to blame. Otherwise near misses stop being reported.'
		},
		targets: { dimensions: ['workload', 'overstrain'], signals: ['accidentsPer100Fte'] },
		domain: 'working-conditions',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'Codex welzijn op het werk']
	},
	{
		id: 'lone-work-safety',
		title: {
			nl: 'Veiligheidsafspraken maken voor alleenwerk en werk op verplaatsing',
			fr: 'Prendre des dispositions de sécurité pour le travail isolé et les déplacements',
			en: 'Make safety arrangements for lone work and work on the road'
		},
		how: {
			nl: 'Voorzie voor wie alleen of bij klanten werkt een alarmmiddel en een vast meldmoment. Spreek af wie reageert en hoe snel, en oefen de procedure.',
			fr: 'Prévoyez pour les personnes qui travaillent seules ou chez des clients un moyen d’alerte et un moment de contact fixe. Convenez de qui réagit et dans quel délai, et exercez la procédure.',
			en: 'Give people who work alone or at clients’ premises an alarm and a fixed check-in time. Agree who responds and how fast, and rehearse the procedure.'
		},
		watchOut: {
			nl: 'Een alarm dat niemand opvolgt, geeft schijnveiligheid. Gebruik de meldingen niet om mensen te volgen.',
			fr: 'Une alarme que personne ne suit donne un faux sentiment de sécurité. N’utilisez pas les signalements pour surveiller les gens.',
			en: 'An alarm nobody answers gives false security. Do not use the check-ins to track people.'
		},
		targets: { dimensions: ['anxiety', 'support-colleagues'], signals: ['accidentsPer100Fte'] },
		domain: 'working-conditions',
		level: 'primary',
		application: 'organisation',
		sources: ['FOD WASO', 'Codex welzijn op het werk']
	},
	// Interpersonal relations
	{
		id: 'manager-training-psychosocial',
		title: {
			nl: 'Leidinggevenden opleiden om overbelasting in het team te zien en te bespreken',
			fr: 'Former la ligne hiérarchique à repérer et aborder la surcharge dans l’équipe',
			en: 'Train line managers to see and discuss overload in their team'
		},
		how: {
			nl: 'Organiseer voor alle leidinggevenden een opleiding over de vroege signalen van overbelasting, het gesprek over werkdruk en de weg naar de arbeidsarts en de preventieadviseur psychosociale aspecten. Volg ze op met intervisie tussen leidinggevenden.',
			fr: 'Organisez pour toute la ligne hiérarchique une formation sur les premiers signes de surcharge, l’entretien sur la charge de travail et le chemin vers le médecin du travail et le conseiller en prévention aspects psychosociaux. Assurez le suivi par de l’intervision entre responsables.',
			en: 'Run training for all line managers on the early signs of overload, the conversation about workload and the way to the occupational physician and the prevention advisor for psychosocial aspects. Follow it up with peer review among managers.'
		},
		watchOut: {
			nl: 'Leidinggevenden hebben ook zelf werkdruk. Geef hun de tijd en de bevoegdheid om het werk van hun team echt bij te sturen.',
			fr: 'Les responsables ont eux aussi une charge de travail. Donnez-leur le temps et le pouvoir d’ajuster réellement le travail de leur équipe.',
			en: 'Managers have a workload of their own. Give them the time and the authority to really adjust their team’s work.'
		},
		targets: { dimensions: ['support-manager', 'recognition', 'burnout', 'overstrain'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'organisation',
		sources: ['HGR 9339', 'IDEWE zorgpad']
	},
	{
		id: 'regular-one-to-ones',
		title: {
			nl: 'Geregeld werkgesprekken voeren tussen leidinggevende en medewerker',
			fr: 'Tenir régulièrement des entretiens de travail entre le responsable et chaque travailleur',
			en: 'Hold regular work conversations between the manager and each employee'
		},
		how: {
			nl: 'Plan om de paar weken een kort gesprek over hoe het werk loopt: werkdruk, middelen, hindernissen en wat helpt. De leidinggevende noteert wat hij of zij zelf zal aanpakken.',
			fr: 'Prévoyez toutes les quelques semaines un court entretien sur la marche du travail : charge, moyens, obstacles et ce qui aide. Le responsable note ce qu’il prendra lui-même en charge.',
			en: 'Every few weeks, plan a short conversation on how the work is going: workload, means, obstacles and what helps. The manager notes what they will take on themselves.'
		},
		watchOut: {
			nl: 'Dit is geen functioneringsgesprek en geen controle. Het gesprek gaat over het werk, niet over iemands gezondheid.',
			fr: 'Ce n’est ni un entretien d’évaluation ni un contrôle. L’entretien porte sur le travail, pas sur la santé de la personne.',
			en: 'This is not an appraisal and not a check. The conversation is about the work, not about anyone’s health.'
		},
		targets: { dimensions: ['support-manager', 'workload', 'role-clarity'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'group',
		sources: ['HGR 9339', 'FOD WASO']
	},
	{
		id: 'team-collaboration-agreements',
		title: {
			nl: 'Samenwerkingsafspraken maken in het team',
			fr: 'Établir des règles de collaboration dans l’équipe',
			en: 'Make collaboration agreements within the team'
		},
		how: {
			nl: 'Spreek met het team af hoe jullie elkaar helpen bij drukte, hoe overdrachten verlopen en hoe meningsverschillen op tafel komen. Kijk de afspraken elk half jaar samen na.',
			fr: 'Convenez avec l’équipe de la manière de s’entraider en période de pointe, de se transmettre le travail et d’aborder les désaccords. Revoyez ensemble ces règles tous les six mois.',
			en: 'Agree with the team how you help each other in busy times, how handovers go and how disagreements get raised. Review the agreements together every six months.'
		},
		watchOut: {
			nl: 'Afspraken lossen een tekort aan mensen niet op. Nieuwe teamleden moeten ze ook te horen krijgen.',
			fr: 'Des règles ne compensent pas un manque de personnel. Les nouveaux membres de l’équipe doivent aussi les connaître.',
			en: 'Agreements do not make up for a shortage of people. New team members need to hear them too.'
		},
		targets: { dimensions: ['support-colleagues', 'conflict'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'group',
		sources: ['FOD WASO', 'IDEWE zorgpad']
	},
	{
		id: 'trusted-person-and-procedures',
		title: {
			nl: 'De vertrouwenspersoon en de verzoeken tot psychosociale interventie bekendmaken',
			fr: 'Faire connaître la personne de confiance et les demandes d’intervention psychosociale',
			en: 'Make the trusted person and the requests for psychosocial intervention known'
		},
		how: {
			nl: 'Zorg dat iedereen weet wie de vertrouwenspersoon en de preventieadviseur psychosociale aspecten zijn en hoe ze te bereiken zijn. Leg uit wat een informeel en een formeel verzoek inhouden, en herhaal die informatie bij onthaal en op de intranetpagina.',
			fr: 'Veillez à ce que chacun sache qui sont la personne de confiance et le conseiller en prévention aspects psychosociaux, et comment les joindre. Expliquez ce que recouvrent une demande informelle et une demande formelle, et répétez l’information à l’accueil des nouveaux et sur l’intranet.',
			en: 'Make sure everyone knows who the trusted person and the prevention advisor for psychosocial aspects are and how to reach them. Explain what an informal and a formal request involve, and repeat the information at induction and on the intranet.'
		},
		watchOut: {
			nl: 'De vertrouwenspersoon moet onafhankelijk kunnen werken en mag geen rechtstreekse leidinggevende van de verzoeker zijn.',
			fr: 'La personne de confiance doit pouvoir agir en toute indépendance et ne pas être le supérieur direct du demandeur.',
			en: 'The trusted person must be able to act independently and must not be the requester’s direct manager.'
		},
		targets: { dimensions: ['unwanted-behaviour', 'conflict'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'organisation',
		sources: ['Codex welzijn op het werk', 'FOD WASO']
	},
	{
		id: 'unwanted-behaviour-policy',
		title: {
			nl: 'Een duidelijk beleid voeren tegen geweld, pesterijen en ongewenst seksueel gedrag',
			fr: 'Mener une politique claire contre la violence, le harcèlement moral et le harcèlement sexuel',
			en: 'Keep a clear policy against violence, bullying and sexual harassment'
		},
		how: {
			nl: 'De directie verklaart openlijk dat ongewenst gedrag niet getolereerd wordt, met voorbeelden en gevolgen. Neem de procedures op in het arbeidsreglement en leid leidinggevenden op om meldingen ernstig te nemen.',
			fr: 'La direction déclare ouvertement que les comportements abusifs ne sont pas tolérés, exemples et conséquences à l’appui. Reprenez les procédures dans le règlement de travail et formez la ligne hiérarchique à prendre les signalements au sérieux.',
			en: 'Senior management states openly that unwanted behaviour is not tolerated, with examples and consequences. Put the procedures in the work rules and train managers to take reports seriously.'
		},
		watchOut: {
			nl: 'Een beleid dat niet wordt toegepast wanneer het om een gewaardeerde collega of leidinggevende gaat, verliest elk gezag.',
			fr: 'Une politique qui n’est pas appliquée lorsqu’il s’agit d’un collègue ou d’un responsable apprécié perd toute autorité.',
			en: 'A policy not applied when a valued colleague or manager is involved loses all authority.'
		},
		targets: { dimensions: ['unwanted-behaviour', 'conflict', 'anxiety'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'organisation',
		sources: ['Codex welzijn op het werk', 'FOD WASO']
	},
	{
		id: 'third-party-aggression-protocol',
		title: {
			nl: 'Agressie van klanten, patiënten of bezoekers voorkomen en opvangen',
			fr: 'Prévenir et prendre en charge l’agressivité des clients, patients ou visiteurs',
			en: 'Prevent and deal with aggression from clients, patients or visitors'
		},
		how: {
			nl: 'Analyseer waar en wanneer agressie voorkomt en pas onthaal, wachttijden en informatie daarop aan. Leg vast hoe een voorval gemeld en opgevolgd wordt, en registreer de voorvallen zodat het comité de evolutie ziet.',
			fr: 'Analysez où et quand l’agressivité se manifeste et adaptez l’accueil, les temps d’attente et l’information. Fixez la manière de signaler et de suivre un incident, et enregistrez les incidents pour que le comité en voie l’évolution.',
			en: 'Analyse where and when aggression happens and adapt reception, waiting times and information to it. Set down how an incident is reported and followed up, and log incidents so the committee sees the trend.'
		},
		watchOut: {
			nl: 'Agressie mag nooit als deel van de job worden afgedaan. Wie een voorval meldt, krijgt steun en geen verwijt.',
			fr: 'L’agressivité ne doit jamais être présentée comme faisant partie du métier. La personne qui signale un incident reçoit du soutien, pas des reproches.',
			en: 'Aggression must never be dismissed as part of the job. Whoever reports an incident gets support, not blame.'
		},
		targets: {
			dimensions: ['unwanted-behaviour', 'emotional-load', 'anxiety'],
			signals: ['accidentsPer100Fte']
		},
		domain: 'interpersonal-relations',
		level: 'primary',
		application: 'organisation',
		sources: ['Codex welzijn op het werk', 'FOD WASO']
	},
	// Secondary prevention: help people cope with the demands of their work
	{
		id: 'coping-skills-training',
		title: {
			nl: 'Een teamvorming aanbieden over omgaan met de eisen van het werk',
			fr: 'Proposer à l’équipe une formation pour faire face aux exigences du travail',
			en: 'Offer the team training in dealing with the demands of the work'
		},
		how: {
			nl: 'Bied het hele team, leidinggevende inbegrepen, een vorming aan over timemanagement, grenzen aangeven, communicatie en herstel na inspanning. Koppel de vorming aan wat het team in het werk zelf wil veranderen.',
			fr: 'Proposez à toute l’équipe, responsable compris, une formation sur la gestion du temps, l’art de poser ses limites, la communication et la récupération après l’effort. Reliez la formation à ce que l’équipe veut changer dans le travail lui-même.',
			en: 'Offer the whole team, manager included, training in time management, setting limits, communication and recovery after effort. Link the training to what the team wants to change in the work itself.'
		},
		watchOut: {
			nl: 'Leren omgaan met stress en dan terugkeren naar hetzelfde werk helpt weinig. Bied dit nooit aan als enige maatregel.',
			fr: 'Apprendre à gérer le stress pour retourner au même travail aide peu. Ne proposez jamais cette formation comme seule mesure.',
			en: 'Learning to handle stress and going back to the same work helps little. Never offer this as the only measure.'
		},
		targets: { dimensions: ['coping', 'stress', 'overstrain'], signals: [] },
		domain: 'job-content',
		level: 'secondary',
		application: 'group',
		sources: ['HGR 9339']
	},
	{
		id: 'reboost-individual',
		title: {
			nl: 'Reboost-gesprekken aanbieden bij de externe preventiedienst',
			fr: 'Proposer des entretiens reboost auprès du service externe de prévention',
			en: 'Offer reboost talks with the external prevention service'
		},
		how: {
			nl: 'Medewerkers kunnen op eigen initiatief of op voorstel van hun leidinggevende twee tot drie gesprekken per jaar hebben met een preventieadviseur psychosociale aspecten. Ze kijken daarin naar hun veerkracht in de context van hun job en naar de hulpbronnen en hindernissen in het werk.',
			fr: 'Les travailleurs peuvent, de leur propre initiative ou sur proposition de leur responsable, avoir deux à trois entretiens par an avec un conseiller en prévention aspects psychosociaux. Ils y examinent leur résilience dans le contexte de leur emploi, ainsi que les ressources et les obstacles dans le travail.',
			en: 'Staff can, on their own initiative or at their manager’s suggestion, have two or three talks a year with a prevention advisor for psychosocial aspects. They look at their resilience in the context of their job and at the resources and obstacles in the work.'
		},
		watchOut: {
			nl: 'Alleen de medewerker zelf beslist wat er uit het gesprek wordt teruggekoppeld. De leidinggevende helpt de tijd vrij te maken.',
			fr: 'Seul le travailleur décide de ce qui est rapporté de l’entretien. Le responsable aide à libérer le temps nécessaire.',
			en: 'Only the employee decides what is passed on from the talks. The manager helps free up the time.'
		},
		targets: { dimensions: ['coping', 'engagement', 'emotional-load'], signals: [] },
		domain: 'job-content',
		level: 'secondary',
		application: 'individual',
		sources: ['IDEWE zorgpad']
	},
	{
		id: 'reboost-team',
		title: {
			nl: 'Een team-reboost houden met de preventieadviseur psychosociale aspecten',
			fr: 'Organiser un reboost d’équipe avec le conseiller en prévention aspects psychosociaux',
			en: 'Hold a team reboost with the prevention advisor for psychosocial aspects'
		},
		how: {
			nl: 'Het team en de leidinggevende bekijken in twee halve dagen per jaar welke werkgewoonten gezond houden en welke belasten. Ze leren signalen van overbelasting bij collega’s vroeg op te merken en spreken af welke steun van andere diensten ze gaan vragen.',
			fr: 'En deux demi-journées par an, l’équipe et son responsable examinent quelles habitudes de travail préservent la santé et lesquelles pèsent. Ils apprennent à repérer tôt les signes de surcharge chez leurs collègues et conviennent du soutien à demander à d’autres services.',
			en: 'In two half-days a year, the team and its manager look at which work habits keep them healthy and which weigh on them. They learn to notice signs of overload in colleagues early and agree which support to ask of other departments.'
		},
		watchOut: {
			nl: 'Alleen het team en de leidinggevende koppelen terug wat ze willen. Afspraken die andere diensten raken, hebben de steun van de directie nodig.',
			fr: 'Seuls l’équipe et son responsable décident de ce qu’ils rapportent. Les accords qui touchent d’autres services ont besoin du soutien de la direction.',
			en: 'Only the team and its manager pass on what they choose. Agreements that touch other departments need senior management’s backing.'
		},
		targets: {
			dimensions: ['support-colleagues', 'workload', 'overstrain'],
			signals: ['frequency']
		},
		domain: 'work-organisation',
		level: 'secondary',
		application: 'group',
		sources: ['IDEWE zorgpad']
	},
	{
		id: 'reload-trajectory',
		title: {
			nl: 'Een reload-traject aanbieden bij signalen van overbelasting',
			fr: 'Proposer un trajet reload en cas de signes de surcharge',
			en: 'Offer a reload trajectory when there are signs of overload'
		},
		how: {
			nl: 'Wie langdurig overbelast is door het werk, kan drie werksessies van twee uur volgen bij een preventieadviseur psychosociale aspecten, gespreid over twee maanden. Ze zoeken de oorzaken in het werk en de middelen om weer grip te krijgen, en de leidinggevende wordt met instemming van de medewerker betrokken bij de start en het einde.',
			fr: 'Un travailleur surchargé depuis longtemps par son travail peut suivre trois séances de deux heures avec un conseiller en prévention aspects psychosociaux, réparties sur deux mois. Ensemble, ils cherchent les causes dans le travail et les moyens de reprendre prise, et le responsable est associé au début et à la fin avec l’accord du travailleur.',
			en: 'Someone overloaded by their work for a long time can follow three two-hour sessions with a prevention advisor for psychosocial aspects, spread over two months. Together they look for the causes in the work and the means to regain control, and with the employee’s consent the manager joins at the start and the end.'
		},
		watchOut: {
			nl: 'Het traject verandert niets als de werkgebonden oorzaken blijven. Plan tegelijk de aanpassingen in het werk die eruit voortkomen.',
			fr: 'Le trajet ne change rien si les causes liées au travail demeurent. Planifiez en même temps les adaptations du travail qui en découlent.',
			en: 'The trajectory changes nothing if the work-related causes remain. Plan the changes to the work that come out of it at the same time.'
		},
		targets: {
			dimensions: ['overstrain', 'stress', 'burnout', 'coping'],
			signals: ['absenceRateShort', 'newLongIncapacityPer100Fte']
		},
		domain: 'work-organisation',
		level: 'secondary',
		application: 'individual',
		sources: ['IDEWE zorgpad', 'HGR 9339']
	},
	{
		id: 'spontaneous-consultation-info',
		title: {
			nl: 'Iedereen wijzen op de spontane raadpleging bij de arbeidsarts',
			fr: 'Informer chacun de la consultation spontanée chez le médecin du travail',
			en: 'Tell everyone about the spontaneous consultation with the occupational physician'
		},
		how: {
			nl: 'Maak bekend dat elke werknemer zelf een raadpleging kan vragen bij de arbeidsarts of de preventieadviseur psychosociale aspecten, ook zonder de werkgever in te lichten. Vermeld hoe ze te bereiken zijn op het intranet, in de nieuwsbrief en bij het onthaal.',
			fr: 'Faites savoir que chaque travailleur peut demander lui-même une consultation chez le médecin du travail ou le conseiller en prévention aspects psychosociaux, même sans en informer l’employeur. Indiquez comment les joindre sur l’intranet, dans la lettre d’information et à l’accueil des nouveaux.',
			en: 'Make known that every employee can ask for a consultation with the occupational physician or the prevention advisor for psychosocial aspects themselves, without telling the employer. Say how to reach them on the intranet, in the newsletter and at induction.'
		},
		watchOut: {
			nl: 'Mensen maken alleen gebruik van de raadpleging als ze op de vertrouwelijkheid kunnen rekenen. Vraag nooit wie er geweest is.',
			fr: 'Les gens ne recourent à la consultation que s’ils peuvent compter sur la confidentialité. Ne demandez jamais qui y est allé.',
			en: 'People only use the consultation if they can count on confidentiality. Never ask who went.'
		},
		targets: { dimensions: ['depression', 'anxiety', 'burnout'], signals: [] },
		domain: 'work-organisation',
		level: 'secondary',
		application: 'organisation',
		sources: ['IDEWE zorgpad', 'Codex welzijn op het werk']
	},
	{
		id: 'early-signals-awareness',
		title: {
			nl: 'Alle medewerkers informeren over vroege signalen van overbelasting',
			fr: 'Informer tout le personnel des premiers signes de surcharge',
			en: 'Inform all staff about the early signs of overload'
		},
		how: {
			nl: 'Leg in een korte sessie uit aan welke signalen je overbelasting bij jezelf en bij collega’s herkent en waar je terechtkunt. Benadruk dat de werkomstandigheden zwaarder wegen dan individuele kenmerken, zodat niemand geïsoleerd raakt.',
			fr: 'Expliquez lors d’une courte séance à quels signes on reconnaît la surcharge chez soi et chez ses collègues, et à qui s’adresser. Soulignez que les conditions de travail pèsent plus lourd que les caractéristiques individuelles, afin que personne ne soit isolé.',
			en: 'In a short session, explain which signs point to overload in yourself and in colleagues, and where to turn. Stress that working conditions weigh more than individual traits, so nobody is left isolated.'
		},
		watchOut: {
			nl: 'De bedoeling is steun, niet elkaar in de gaten houden of labels plakken. Betrek ook de leidinggevenden en de directie.',
			fr: 'Le but est le soutien, pas de se surveiller ni d’étiqueter les autres. Associez aussi la ligne hiérarchique et la direction.',
			en: 'The aim is support, not watching or labelling each other. Include the managers and senior management too.'
		},
		targets: {
			dimensions: ['burnout', 'depression', 'anxiety', 'support-colleagues'],
			signals: []
		},
		domain: 'interpersonal-relations',
		level: 'secondary',
		application: 'organisation',
		sources: ['HGR 9339']
	},
	{
		id: 'case-intervision',
		title: {
			nl: 'Geregeld intervisie houden over emotioneel zware situaties',
			fr: 'Organiser régulièrement de l’intervision sur les situations émotionnellement lourdes',
			en: 'Hold regular peer case reviews on emotionally heavy situations'
		},
		how: {
			nl: 'Plan maandelijks een intervisie waarin collega’s moeilijke situaties uit het werk bespreken onder begeleiding. Houd de tijd vrij in de planning en laat het team de casussen zelf kiezen.',
			fr: 'Prévoyez chaque mois une séance d’intervision encadrée où les collègues discutent des situations difficiles rencontrées au travail. Libérez ce temps dans le planning et laissez l’équipe choisir elle-même les cas.',
			en: 'Plan a monthly, facilitated peer review in which colleagues discuss difficult situations from their work. Keep the time free in the schedule and let the team choose the cases.'
		},
		watchOut: {
			nl: 'Intervisie vervangt geen lagere caseload. Wat in de intervisie gezegd wordt, blijft binnen de groep.',
			fr: 'L’intervision ne remplace pas une charge de dossiers plus légère. Ce qui s’y dit reste dans le groupe.',
			en: 'Peer review does not replace a lighter caseload. What is said in it stays within the group.'
		},
		targets: { dimensions: ['emotional-load', 'burnout', 'support-colleagues'], signals: [] },
		domain: 'job-content',
		level: 'secondary',
		application: 'group',
		sources: ['HGR 9339']
	},
	{
		id: 'peer-support-network',
		title: {
			nl: 'Een netwerk van collega-ondersteuners opzetten',
			fr: 'Mettre en place un réseau de collègues soutiens',
			en: 'Set up a network of peer supporters'
		},
		how: {
			nl: 'Leid enkele vrijwillige collega’s op om een luisterend oor te bieden en door te verwijzen naar de arbeidsarts of de preventieadviseur psychosociale aspecten. Voorzie ruimte en tijd om samen over het werk en de moeilijkheden ervan te praten.',
			fr: 'Formez quelques collègues volontaires pour offrir une écoute et orienter vers le médecin du travail ou le conseiller en prévention aspects psychosociaux. Prévoyez un lieu et du temps pour parler ensemble du travail et de ses difficultés.',
			en: 'Train a few volunteer colleagues to lend an ear and refer people to the occupational physician or the prevention advisor for psychosocial aspects. Provide room and time to talk together about the work and its difficulties.'
		},
		watchOut: {
			nl: 'Collega-ondersteuners zijn geen hulpverleners en hebben zelf steun nodig. Geef hun tijd en supervisie.',
			fr: 'Les collègues soutiens ne sont pas des thérapeutes et ont eux-mêmes besoin de soutien. Donnez-leur du temps et une supervision.',
			en: 'Peer supporters are not counsellors and need support themselves. Give them time and supervision.'
		},
		targets: { dimensions: ['support-colleagues', 'coping', 'emotional-load'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'secondary',
		application: 'group',
		sources: ['HGR 9339']
	},
	{
		id: 'conflict-early-intervention',
		title: {
			nl: 'Conflicten vroeg laten bemiddelen',
			fr: 'Faire appel tôt à une médiation en cas de conflit',
			en: 'Bring in mediation early in a conflict'
		},
		how: {
			nl: 'Wanneer spanningen tussen collega’s of met een leidinggevende aanslepen, stelt de leidinggevende of de vertrouwenspersoon een bemiddeld gesprek voor. De preventieadviseur psychosociale aspecten kan een informele interventie doen, en de afspraken worden na enkele weken opgevolgd.',
			fr: 'Lorsque des tensions entre collègues ou avec un responsable s’installent, le responsable ou la personne de confiance propose un entretien de médiation. Le conseiller en prévention aspects psychosociaux peut mener une intervention informelle, et les accords sont suivis après quelques semaines.',
			en: 'When tension between colleagues or with a manager drags on, the manager or the trusted person proposes a mediated conversation. The prevention advisor for psychosocial aspects can make an informal intervention, and the agreements are followed up after a few weeks.'
		},
		watchOut: {
			nl: 'Bemiddeling veronderstelt dat beide partijen vrijwillig deelnemen. Bij pesterijen of geweld is het formele verzoek de juiste weg.',
			fr: 'La médiation suppose que les deux parties participent volontairement. En cas de harcèlement ou de violence, la demande formelle est la bonne voie.',
			en: 'Mediation assumes both parties take part willingly. For bullying or violence, the formal request is the right route.'
		},
		targets: { dimensions: ['conflict', 'support-colleagues'], signals: [] },
		domain: 'interpersonal-relations',
		level: 'secondary',
		application: 'group',
		sources: ['Codex welzijn op het werk', 'FOD WASO']
	},
	{
		id: 'critical-incident-aftercare',
		title: {
			nl: 'Opvang voorzien na een ernstig voorval op het werk',
			fr: 'Prévoir un accompagnement après un incident grave au travail',
			en: 'Provide aftercare after a serious incident at work'
		},
		how: {
			nl: 'Spreek op voorhand af wie na een ernstig ongeval, agressie of een ander schokkend voorval de betrokkenen opvangt, binnen de eerste dagen. Bied daarna een gesprek aan met de preventieadviseur psychosociale aspecten en kijk na of het werk anders georganiseerd moet worden.',
			fr: 'Convenez à l’avance de qui accueille les personnes concernées après un accident grave, une agression ou un autre événement choquant, dans les premiers jours. Proposez ensuite un entretien avec le conseiller en prévention aspects psychosociaux et vérifiez si le travail doit être organisé autrement.',
			en: 'Agree in advance who takes care of the people involved after a serious accident, an assault or another shocking event, within the first days. Then offer a talk with the prevention advisor for psychosocial aspects and check whether the work must be organised differently.'
		},
		watchOut: {
			nl: 'Niet iedereen wil meteen praten: bied opvang aan, verplicht ze niet. Kom na enkele weken nog eens terug.',
			fr: 'Tout le monde ne souhaite pas parler tout de suite : proposez l’accompagnement sans l’imposer. Revenez vers les personnes quelques semaines plus tard.',
			en: 'Not everyone wants to talk straight away: offer aftercare, do not impose it. Check back a few weeks later.'
		},
		targets: { dimensions: ['anxiety', 'depression'], signals: ['accidentsPer100Fte'] },
		domain: 'working-conditions',
		level: 'secondary',
		application: 'group',
		sources: ['HGR 9339', 'Codex welzijn op het werk']
	},
	{
		id: 'welcome-back-conversation',
		title: {
			nl: 'Na elke afwezigheid een kort terugkeergesprek over het werk',
			fr: 'Après chaque absence, un bref entretien de retour centré sur le travail',
			en: 'After every absence, a short welcome-back talk about the work'
		},
		how: {
			nl: 'De leidinggevende heet de medewerker welkom terug, brengt die op de hoogte van wat er veranderd is en vraagt of iets in het werk anders kan. Herhaalde korte afwezigheden zijn een aanleiding om samen naar de werklast en de werkomstandigheden te kijken.',
			fr: 'Le responsable accueille le travailleur à son retour, l’informe de ce qui a changé et demande si quelque chose peut être fait autrement dans le travail. Des absences courtes répétées sont l’occasion d’examiner ensemble la charge et les conditions de travail.',
			en: 'The manager welcomes the employee back, brings them up to date on what has changed and asks whether anything in the work could be done differently. Repeated short absences are a reason to look at the workload and working conditions together.'
		},
		watchOut: {
			nl: 'Vraag niet naar de medische reden en gebruik het gesprek niet als controle of sanctie. Anders komen mensen ziek naar het werk.',
			fr: 'Ne demandez pas la raison médicale et n’utilisez pas l’entretien comme contrôle ou sanction. Sinon, les gens viendront travailler malades.',
			en: 'Do not ask for the medical reason, and do not use the talk as a check or a sanction. Otherwise people come to work ill.'
		},
		targets: {
			dimensions: ['support-manager', 'workload'],
			signals: ['frequentAbsenteeism', 'frequency', 'absenceRateShort']
		},
		domain: 'work-organisation',
		level: 'secondary',
		application: 'individual',
		sources: ['IDEWE zorgpad', 'HGR 9339']
	},
	// Tertiary prevention: care during absence, return and reintegration
	{
		id: 'keep-in-touch-during-absence',
		title: {
			nl: 'Tijdens ziekteverlof contact houden zoals de medewerker dat wenst',
			fr: 'Garder le contact pendant le congé de maladie comme le travailleur le souhaite',
			en: 'Keep in touch during sick leave in the way the employee wishes'
		},
		how: {
			nl: 'De leidinggevende spreekt met de medewerker af hoe vaak en op welke manier er contact is. Na vier weken afwezigheid krijgt de medewerker een brief over het recht op een bezoek bij de arbeidsarts voorafgaand aan de werkhervatting.',
			fr: 'Le responsable convient avec le travailleur de la fréquence et de la forme des contacts. Après quatre semaines d’absence, le travailleur reçoit une lettre sur son droit à une visite de pré-reprise chez le médecin du travail.',
			en: 'The manager agrees with the employee how often and in what way they stay in touch. After four weeks of absence, the employee receives a letter about the right to a visit to the occupational physician before returning to work.'
		},
		watchOut: {
			nl: 'Contact gaat over verbondenheid, niet over werkopdrachten of de datum van terugkeer. Vraag nooit naar de medische reden.',
			fr: 'Le contact vise le lien, pas les tâches ni la date de retour. Ne posez jamais de questions sur la maladie.',
			en: 'The contact is about staying connected, not about work tasks or a return date. Never ask about the illness.'
		},
		targets: { dimensions: ['support-manager'], signals: ['averageSpellDuration', 'absenceRateMedium'] },
		domain: 'interpersonal-relations',
		level: 'tertiary',
		application: 'individual',
		sources: ['IDEWE zorgpad', 'Codex welzijn op het werk']
	},
	{
		id: 'pre-return-visit',
		title: {
			nl: 'Het bezoek voorafgaand aan de werkhervatting bij de arbeidsarts mogelijk maken',
			fr: 'Permettre la visite de pré-reprise chez le médecin du travail',
			en: 'Make the pre-return visit to the occupational physician possible'
		},
		how: {
			nl: 'Tijdens de afwezigheid kan de medewerker de arbeidsarts spreken om te bekijken of het werk, eventueel aangepast, hervat kan worden. Met instemming van de medewerker overlegt de arts met de behandelende arts en met de leidinggevende of HR over aanpassingen van de werkpost.',
			fr: 'Pendant l’absence, le travailleur peut rencontrer le médecin du travail pour examiner si le travail peut reprendre, éventuellement de manière adaptée. Avec l’accord du travailleur, le médecin se concerte avec le médecin traitant et avec le responsable ou les RH sur l’aménagement du poste.',
			en: 'During the absence, the employee can see the occupational physician to consider whether work can resume, adapted if need be. With the employee’s consent, the physician consults the treating doctor and the manager or HR about adapting the job.'
		},
		watchOut: {
			nl: 'Veel werknemers kennen dit recht niet; de werkgever moet hen erover informeren. Wat de medewerker aan de arts vertelt, blijft onder het beroepsgeheim.',
			fr: 'Beaucoup de travailleurs ignorent ce droit ; l’employeur doit les en informer. Ce que le travailleur confie au médecin reste couvert par le secret professionnel.',
			en: 'Many employees do not know this right; the employer has to tell them about it. What the employee tells the physician stays under professional secrecy.'
		},
		targets: {
			dimensions: ['burnout', 'overstrain'],
			signals: ['averageSpellDuration', 'newLongIncapacityPer100Fte']
		},
		domain: 'work-organisation',
		level: 'tertiary',
		application: 'individual',
		sources: ['IDEWE zorgpad', 'Codex welzijn op het werk']
	},
	{
		id: 'reconnect-trajectory',
		title: {
			nl: 'Een reconnect-traject aanbieden bij terugkeer na langdurige overbelasting',
			fr: 'Proposer un trajet reconnect au retour après une surcharge prolongée',
			en: 'Offer a reconnect trajectory on return after prolonged overload'
		},
		how: {
			nl: 'Een preventieadviseur psychosociale aspecten voert drie gesprekken, voor, tijdens en na de terugkeer, om de medewerker opnieuw te verbinden met het team en de leidinggevende. Samen plannen ze beschermende afspraken in de taken en de samenwerking, en spreken ze af hoe ze vroege signalen van herval opvangen.',
			fr: 'Un conseiller en prévention aspects psychosociaux mène trois entretiens, avant, pendant et après le retour, pour reconnecter le travailleur avec l’équipe et le responsable. Ensemble, ils prévoient des dispositions protectrices dans les tâches et la collaboration, et conviennent de la manière de réagir aux premiers signes de rechute.',
			en: 'A prevention advisor for psychosocial aspects holds three talks, before, during and after the return, to reconnect the employee with the team and the manager. Together they plan protective arrangements in the tasks and the collaboration, and agree how to respond to early signs of relapse.'
		},
		watchOut: {
			nl: 'Het team heeft informatie nodig over wat het kan verwachten, maar niet over de gezondheid van de collega. De medewerker beslist wat gedeeld wordt.',
			fr: 'L’équipe a besoin de savoir à quoi s’attendre, mais pas d’informations sur la santé du collègue. Le travailleur décide de ce qui est partagé.',
			en: 'The team needs to know what to expect, but not about the colleague’s health. The employee decides what is shared.'
		},
		targets: {
			dimensions: ['support-colleagues', 'support-manager', 'burnout'],
			signals: ['absenceRateLong', 'absenceRateMedium']
		},
		domain: 'interpersonal-relations',
		level: 'tertiary',
		application: 'individual',
		sources: ['IDEWE zorgpad']
	},
	{
		id: 'return-to-work-plan',
		title: {
			nl: 'Met de arbeidsarts een plan voor geleidelijke werkhervatting opstellen',
			fr: 'Établir avec le médecin du travail un plan de reprise progressive',
			en: 'Draw up a gradual return-to-work plan with the occupational physician'
		},
		how: {
			nl: 'Leg met de medewerker, de arbeidsarts en de leidinggevende vast hoe de uren en taken stap voor stap opgebouwd worden en wanneer dat geëvalueerd wordt. Wie onder gezondheidstoezicht staat, krijgt na minstens vier weken arbeidsongeschiktheid een werkhervattingsonderzoek; in de eerste drie maanden na de terugkeer volgen opvolgconsultaties.',
			fr: 'Fixez avec le travailleur, le médecin du travail et le responsable comment les heures et les tâches augmentent pas à pas, et quand faire le point. Le travailleur soumis à la surveillance de santé passe l’examen de reprise du travail après au moins quatre semaines d’incapacité ; des consultations de suivi ont lieu pendant les trois premiers mois après le retour.',
			en: 'Set down with the employee, the occupational physician and the manager how hours and tasks build up step by step, and when to review. An employee under health surveillance has a return-to-work examination after at least four weeks of incapacity; follow-up consultations take place in the first three months after the return.'
		},
		watchOut: {
			nl: 'Een terugkeer naar precies hetzelfde werk brengt dezelfde risico’s terug. Pas ook de werkgebonden oorzaken aan.',
			fr: 'Un retour exactement au même travail ramène les mêmes risques. Adaptez aussi les causes liées au travail.',
			en: 'A return to exactly the same work brings back the same risks. Change the work-related causes too.'
		},
		targets: {
			dimensions: ['workload', 'burnout'],
			signals: ['newLongIncapacityPer100Fte', 'absenceRateLong']
		},
		domain: 'work-organisation',
		level: 'tertiary',
		application: 'individual',
		sources: ['IDEWE zorgpad', 'HGR 9339', 'Codex welzijn op het werk']
	},
	{
		id: 'reintegration-trajectory',
		title: {
			nl: 'Een re-integratietraject zorgvuldig doorlopen',
			fr: 'Mener avec soin un trajet de réintégration',
			en: 'Carry out a reintegration trajectory with care'
		},
		how: {
			nl: 'Wanneer een langdurig arbeidsongeschikte medewerker het eigen werk niet meteen kan hervatten, beoordeelt de arbeidsarts welk aangepast of ander werk mogelijk is. De werkgever werkt samen met de medewerker een re-integratieplan uit en zoekt ernstig naar passend werk voordat een contract eindigt.',
			fr: 'Lorsqu’un travailleur en incapacité de longue durée ne peut pas reprendre tout de suite son propre travail, le médecin du travail évalue quel travail adapté ou autre est possible. L’employeur élabore avec le travailleur un plan de réintégration et cherche sérieusement un travail approprié avant qu’un contrat ne prenne fin.',
			en: 'When an employee on long-term incapacity cannot resume their own job straight away, the occupational physician assesses which adapted or other work is possible. The employer works out a reintegration plan with the employee and searches in earnest for suitable work before any contract ends.'
		},
		watchOut: {
			nl: 'Het traject is bedoeld om terug te keren, niet om een ontslag voor te bereiden. Een informele terugkeer met aanpassingen kan vaak sneller.',
			fr: 'Le trajet vise le retour au travail, pas la préparation d’un licenciement. Un retour informel avec des aménagements est souvent plus rapide.',
			en: 'The trajectory is meant for a return, not to prepare a dismissal. An informal return with adjustments is often quicker.'
		},
		targets: {
			dimensions: ['burnout', 'role-clarity'],
			signals: ['absenceRateLong', 'turnoverInvoluntary', 'newLongIncapacityPer100Fte']
		},
		domain: 'terms-of-employment',
		level: 'tertiary',
		application: 'individual',
		sources: ['Codex welzijn op het werk', 'IDEWE zorgpad']
	},
	{
		id: 'lessons-from-dropout',
		title: {
			nl: 'Na uitval door het werk de oorzaken in het team aanpakken',
			fr: 'Après une absence liée au travail, traiter les causes dans l’équipe',
			en: 'After a work-related dropout, tackle the causes in the team'
		},
		how: {
			nl: 'Bekijk met het team en de preventieadviseur psychosociale aspecten welke werkomstandigheden bijdroegen aan de uitval, zonder de betrokken collega te bespreken. Pas die aan, zodat dezelfde oorzaken geen nieuwe collega’s treffen.',
			fr: 'Examinez avec l’équipe et le conseiller en prévention aspects psychosociaux quelles conditions de travail ont contribué à l’absence, sans parler du collègue concerné. Adaptez-les pour que les mêmes causes ne frappent pas d’autres collègues.',
			en: 'Look with the team and the prevention advisor for psychosocial aspects at which working conditions contributed to the dropout, without discussing the colleague concerned. Change them so the same causes do not strike other colleagues.'
		},
		watchOut: {
			nl: 'Doe dit alleen met instemming van de betrokkene en zonder iemand aan te wijzen. In een klein team is een collectieve aanpak over meerdere teams veiliger.',
			fr: 'Ne le faites qu’avec l’accord de la personne concernée et sans désigner quiconque. Dans une petite équipe, une approche collective sur plusieurs équipes est plus sûre.',
			en: 'Do this only with the consent of the person concerned and without pointing at anyone. In a small team, a collective approach across several teams is safer.'
		},
		targets: {
			dimensions: ['workload', 'burnout', 'overstrain'],
			signals: ['newLongIncapacityPer100Fte']
		},
		domain: 'work-organisation',
		level: 'tertiary',
		application: 'group',
		sources: ['HGR 9339', 'IDEWE zorgpad']
	}
]);
