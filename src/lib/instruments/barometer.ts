import type { AnswerScale, Bands, InstrumentDefinition, Localised } from './types';

/**
 * The Knipperlicht barometer: the project's own 20-item questionnaire on the nine themes the
 * occupational health service's psychosocial barometer covers (engagement, stress complaints,
 * overstrain, burn-out, depression, anxiety, conflict, unwanted behaviour at work, coping), plus
 * the optional work-factors module (job demands and resources of the JD-R model).
 *
 * All wording is written for this project. No item is taken or translated from a licensed
 * instrument (BAT, UWES, 4DKL, PHQ, COPSOQ, MBI...): an organisation that holds a licence loads
 * such an instrument as its own definition in the same shape.
 *
 * Scores are 0-100, where 0 means every answer was the lowest value after reversal. With the
 * 1..5 frequency scale: 0 = Nooit, 25 = Zelden, 50 = Soms, 75 = Vaak, 100 = Altijd (on average).
 *
 * The thresholds are provisional in-house values, not validated against an external norm
 * (`provisionalThresholds: true`), so every screen that shows a band says so. The reasoning:
 * - Risk-high complaints (overstrain, depressive feelings, anxiety, conflict) and demands: orange
 *   from an average of "soms" (50), red from "vaak" (75).
 * - Stress complaints: some stress is normal, so orange only above "soms" (60) and red from 80.
 * - Burn-out complaints: the four core symptoms are not part of ordinary work stress, so orange
 *   already from 40 and red from 60.
 * - Unwanted behaviour: one item; any answer above "nooit" deserves attention: orange from
 *   "zelden" (25), red from "soms" (50).
 * - Risk-low resources (engagement, work factors): orange at "soms" (50) or below, red at "zelden"
 *   (25) or below.
 * - Active coping: orange at 40 or below, red at 20 or below (two items that pull in opposite
 *   directions land around the middle more easily).
 */

function text(nl: string, fr: string, en: string): Localised {
	return { nl, fr, en };
}

const riskHigh = (orange: number, red: number): Bands => ({ riskWhen: 'high', orange, red });
const riskLow = (orange: number, red: number): Bands => ({ riskWhen: 'low', orange, red });

const FREQUENCY_SCALE: AnswerScale = {
	min: 1,
	max: 5,
	labels: [
		text('Nooit', 'Jamais', 'Never'),
		text('Zelden', 'Rarement', 'Rarely'),
		text('Soms', 'Parfois', 'Sometimes'),
		text('Vaak', 'Souvent', 'Often'),
		text('Altijd', 'Toujours', 'Always')
	]
};

const barometer: InstrumentDefinition = {
	key: 'knipperlicht-barometer',
	version: 1,
	name: text('Knipperlicht-barometer', 'Baromètre Knipperlicht', 'Knipperlicht barometer'),
	instruction: text(
		'Denk aan de voorbije vier weken. Hoe vaak was dit zo voor jou?',
		'Pensez aux quatre dernières semaines. À quelle fréquence était-ce le cas pour vous ?',
		'Think of the past four weeks. How often was this true for you?'
	),
	scale: FREQUENCY_SCALE,
	scoring: { method: 'mean', minAnsweredShare: 0.5 },
	provisionalThresholds: true,
	dimensions: [
		{
			id: 'engagement',
			shortName: text('Bevlogenheid', 'Engagement', 'Engagement'),
			name: text('Bevlogenheid', 'Engagement au travail', 'Work engagement'),
			description: text(
				'Hoe vaak je de voorbije weken energie en voldoening uit je werk haalde. Een hoge score is goed; een lage score kan betekenen dat het werk je minder geeft dan het zou kunnen.',
				'À quelle fréquence votre travail vous a donné de l’énergie et de la satisfaction ces dernières semaines. Un score élevé est positif ; un score bas peut signifier que le travail vous apporte moins qu’il ne le pourrait.',
				'How often your work gave you energy and satisfaction over the past weeks. A high score is good; a low score can mean that work gives you less than it could.'
			),
			bands: riskLow(50, 25),
			sensitive: false
		},
		{
			id: 'stress',
			shortName: text('Stress', 'Stress', 'Stress'),
			name: text('Stressklachten', 'Signes de stress', 'Stress complaints'),
			description: text(
				'Hoe vaak je je de voorbije weken gespannen voelde door het werk of na het werk moeilijk kon loslaten. Wat stress is normaal; een hoge score betekent dat de spanning vaak terugkomt.',
				'À quelle fréquence vous vous êtes senti tendu à cause du travail ou avez eu du mal à décrocher après le travail ces dernières semaines. Un peu de stress est normal ; un score élevé signifie que la tension revient souvent.',
				'How often over the past weeks work left you tense or you found it hard to let go of work afterwards. Some stress is normal; a high score means the tension keeps coming back.'
			),
			bands: riskHigh(60, 80),
			sensitive: false
		},
		{
			id: 'overstrain',
			shortName: text('Overspanning', 'Surmenage', 'Overstrain'),
			name: text('Overspanning', 'Surmenage', 'Overstrain'),
			description: text(
				'Hoe vaak je je de voorbije weken al langer overbelast voelde door het werk, zonder genoeg te kunnen recupereren. Een hoge score betekent dat de belasting al een tijd groter is dan de ruimte om te herstellen.',
				'À quelle fréquence vous vous êtes senti surchargé par le travail depuis un certain temps, sans pouvoir suffisamment récupérer, ces dernières semaines. Un score élevé signifie que la charge dépasse depuis un moment la possibilité de récupérer.',
				'How often over the past weeks you felt overloaded by work for some time, without enough chance to recover. A high score means the load has for a while been greater than the room to recover.'
			),
			bands: riskHigh(50, 75),
			sensitive: false
		},
		{
			id: 'burnout',
			shortName: text('Burn-out', 'Burn-out', 'Burn-out'),
			name: text('Burn-outklachten', 'Signes de burn-out', 'Burn-out complaints'),
			description: text(
				'Hoe vaak je je de voorbije weken uitgeput voelde door het werk, er meer afstand van nam, je moeilijk kon concentreren of sneller emotioneel reageerde op het werk. Een hoge score is een signaal om erover te praten, geen diagnose.',
				'À quelle fréquence vous vous êtes senti épuisé par le travail, avez pris vos distances avec lui, avez eu du mal à vous concentrer ou avez réagi plus émotionnellement au travail ces dernières semaines. Un score élevé est un signal pour en parler, pas un diagnostic.',
				'How often over the past weeks you felt exhausted by work, distanced yourself from it, found it hard to concentrate or reacted more emotionally at work. A high score is a signal to talk about it, not a diagnosis.'
			),
			bands: riskHigh(40, 60),
			sensitive: false
		},
		{
			id: 'depression',
			shortName: text('Somberheid', 'Déprime', 'Low mood'),
			name: text('Depressieve gevoelens', 'Sentiments dépressifs', 'Depressive feelings'),
			description: text(
				'Hoe vaak je je de voorbije weken somber voelde of weinig plezier beleefde, op het werk en daarbuiten. Een hoge score is geen diagnose, maar wel een reden om erover te praten met iemand die je vertrouwt of met de arbeidsarts.',
				'À quelle fréquence vous vous êtes senti morose ou avez eu peu de plaisir, au travail et en dehors, ces dernières semaines. Un score élevé n’est pas un diagnostic, mais c’est une raison d’en parler avec une personne de confiance ou avec le médecin du travail.',
				'How often over the past weeks you felt low or found little enjoyment, at work and outside it. A high score is not a diagnosis, but it is a reason to talk to someone you trust or to the occupational physician.'
			),
			bands: riskHigh(50, 75),
			sensitive: false
		},
		{
			id: 'anxiety',
			shortName: text('Angst', 'Anxiété', 'Anxiety'),
			name: text('Angstgevoelens', 'Sentiments d’anxiété', 'Anxious feelings'),
			description: text(
				'Hoe vaak je je de voorbije weken zorgen maakte of onrust in je lijf voelde. Een hoge score is geen diagnose, maar wel een reden om erover te praten met iemand die je vertrouwt of met de arbeidsarts.',
				'À quelle fréquence vous vous êtes fait du souci ou avez ressenti de l’agitation dans votre corps ces dernières semaines. Un score élevé n’est pas un diagnostic, mais c’est une raison d’en parler avec une personne de confiance ou avec le médecin du travail.',
				'How often over the past weeks you worried or felt restless in your body. A high score is not a diagnosis, but it is a reason to talk to someone you trust or to the occupational physician.'
			),
			bands: riskHigh(50, 75),
			sensitive: false
		},
		{
			id: 'conflict',
			shortName: text('Conflicten', 'Conflits', 'Conflict'),
			name: text('Conflicten op het werk', 'Conflits au travail', 'Conflict at work'),
			description: text(
				'Hoe vaak er de voorbije weken spanningen of conflicten waren met collega’s of je leidinggevende. Een hoge score zegt iets over de samenwerking, niet over wie gelijk heeft.',
				'À quelle fréquence il y a eu des tensions ou des conflits avec vos collègues ou votre responsable ces dernières semaines. Un score élevé parle de la collaboration, pas de qui a raison.',
				'How often over the past weeks there was tension or conflict with colleagues or your manager. A high score says something about working together, not about who is right.'
			),
			bands: riskHigh(50, 75),
			sensitive: false
		},
		{
			id: 'unwanted-behaviour',
			shortName: text('Ongewenst gedrag', 'Comport. indésirables', 'Unwanted behaviour'),
			name: text(
				'Ongewenst gedrag op het werk',
				'Comportements indésirables au travail',
				'Unwanted behaviour at work'
			),
			description: text(
				'Hoe vaak je de voorbije weken op het werk te maken kreeg met geweld, pesterijen of ongewenst seksueel gedrag. Elk antwoord boven “nooit” verdient aandacht; de preventieadviseur psychosociale aspecten luistert vertrouwelijk.',
				'À quelle fréquence vous avez été confronté à de la violence, du harcèlement moral ou du harcèlement sexuel au travail ces dernières semaines. Toute réponse au-delà de « jamais » mérite de l’attention ; le conseiller en prévention aspects psychosociaux vous écoute en toute confidentialité.',
				'How often over the past weeks you faced violence, bullying or unwanted sexual behaviour at work. Any answer above “never” deserves attention; the prevention advisor for psychosocial aspects listens in confidence.'
			),
			bands: riskHigh(25, 50),
			sensitive: true
		},
		{
			id: 'coping',
			shortName: text('Actief aanpakken', 'Faire face', 'Active coping'),
			name: text(
				'Problemen actief aanpakken',
				'Faire face activement aux difficultés',
				'Tackling problems actively'
			),
			description: text(
				'Hoe vaak je de voorbije weken problemen op het werk aanpakte in plaats van ze uit te stellen of te vermijden. Een lage score betekent dat problemen eerder blijven liggen; dat hangt ook af van de ruimte die het werk je geeft.',
				'À quelle fréquence vous avez pris en main les problèmes au travail plutôt que de les reporter ou de les éviter ces dernières semaines. Un score bas signifie que les problèmes restent plus souvent en suspens ; cela dépend aussi de la marge que le travail vous laisse.',
				'How often over the past weeks you tackled problems at work instead of putting them off or avoiding them. A low score means problems tend to be left lying; that also depends on the room your work gives you.'
			),
			bands: riskLow(40, 20),
			sensitive: false
		}
	],
	items: [
		{
			id: 'engagement-energy',
			dimension: 'engagement',
			text: text(
				'Mijn werk geeft me energie.',
				'Mon travail me donne de l’énergie.',
				'My work gives me energy.'
			),
			reverse: false
		},
		{
			id: 'engagement-matters',
			dimension: 'engagement',
			text: text(
				'Ik voel dat mijn werk ertoe doet.',
				'Je sens que mon travail compte.',
				'I feel that my work matters.'
			),
			reverse: false
		},
		{
			// Phrased negatively: clock-watching is the opposite of engagement.
			id: 'engagement-clock',
			dimension: 'engagement',
			text: text(
				'Ik kijk op de klok en wacht tot de werkdag voorbij is.',
				'Je regarde l’heure en attendant que la journée de travail se termine.',
				'I watch the clock, waiting for the working day to end.'
			),
			reverse: true
		},
		{
			id: 'stress-tense',
			dimension: 'stress',
			text: text(
				'Mijn werk maakt me gespannen of opgejaagd.',
				'Mon travail me rend tendu ou me met sous pression.',
				'My work makes me feel tense or rushed.'
			),
			reverse: false
		},
		{
			id: 'stress-let-go',
			dimension: 'stress',
			text: text(
				'Na het werk lukt het me niet om het werk los te laten.',
				'Après le travail, je n’arrive pas à décrocher.',
				'After work, I cannot let go of work.'
			),
			reverse: false
		},
		{
			id: 'overstrain-overloaded',
			dimension: 'overstrain',
			text: text(
				'Ik voel me al een hele tijd overbelast door mijn werk.',
				'Je me sens surchargé par mon travail depuis un bon moment.',
				'I have felt overloaded by my work for quite a while.'
			),
			reverse: false
		},
		{
			id: 'overstrain-recovery',
			dimension: 'overstrain',
			text: text(
				'Een vrij weekend is niet genoeg om te recupereren van het werk.',
				'Un week-end de repos ne suffit pas pour récupérer du travail.',
				'A weekend off is not enough to recover from work.'
			),
			reverse: false
		},
		{
			id: 'burnout-exhaustion',
			dimension: 'burnout',
			text: text(
				'Mijn werk kost me zoveel energie dat ik daarna op ben.',
				'Mon travail me prend tellement d’énergie qu’ensuite je suis à bout.',
				'Work takes so much out of me that I have nothing left afterwards.'
			),
			reverse: false
		},
		{
			id: 'burnout-distance',
			dimension: 'burnout',
			text: text(
				'Ik ben cynischer over mijn werk geworden dan ik vroeger was.',
				'Je suis devenu plus cynique à l’égard de mon travail qu’avant.',
				'I have become more cynical about my work than I used to be.'
			),
			reverse: false
		},
		{
			id: 'burnout-cognitive',
			dimension: 'burnout',
			text: text(
				'Ik maak fouten in mijn werk omdat ik me slecht kan concentreren.',
				'Je fais des erreurs dans mon travail parce que j’ai du mal à me concentrer.',
				'I make mistakes in my work because I struggle to concentrate.'
			),
			reverse: false
		},
		{
			id: 'burnout-emotional',
			dimension: 'burnout',
			text: text(
				'Op het werk raak ik sneller geïrriteerd of overstuur dan ik van mezelf gewoon ben.',
				'Au travail, je m’énerve ou je suis bouleversé plus vite que d’habitude.',
				'At work I get irritated or upset more quickly than is usual for me.'
			),
			reverse: false
		},
		{
			id: 'depression-mood',
			dimension: 'depression',
			text: text(
				'Ik voel me somber, ook buiten het werk.',
				'Je me sens morose, même en dehors du travail.',
				'I feel low, also outside work.'
			),
			reverse: false
		},
		{
			id: 'depression-enjoyment',
			dimension: 'depression',
			text: text(
				'Dingen waar ik vroeger van genoot, zeggen me weinig meer.',
				'Les choses que j’aimais avant ne me disent plus grand-chose.',
				'Things I used to enjoy hardly appeal to me any more.'
			),
			reverse: false
		},
		{
			id: 'anxiety-worry',
			dimension: 'anxiety',
			text: text(
				'Ik maak me zorgen over dingen die fout zouden kunnen lopen.',
				'Je m’inquiète pour des choses qui pourraient mal tourner.',
				'I worry about things that could go wrong.'
			),
			reverse: false
		},
		{
			id: 'anxiety-body',
			dimension: 'anxiety',
			text: text(
				'Ik voel onrust in mijn lijf, zoals hartkloppingen of een beklemd gevoel.',
				'Je ressens de l’agitation dans mon corps, comme des palpitations ou une oppression.',
				'I feel restless in my body, for example a racing heart or a tight chest.'
			),
			reverse: false
		},
		{
			id: 'conflict-colleagues',
			dimension: 'conflict',
			text: text(
				'Er zijn spanningen of conflicten tussen mij en collega’s.',
				'Il y a des tensions ou des conflits entre mes collègues et moi.',
				'There is tension or conflict between me and colleagues.'
			),
			reverse: false
		},
		{
			id: 'conflict-manager',
			dimension: 'conflict',
			text: text(
				'Er zijn spanningen of conflicten tussen mij en mijn leidinggevende.',
				'Il y a des tensions ou des conflits entre mon responsable et moi.',
				'There is tension or conflict between me and my manager.'
			),
			reverse: false
		},
		{
			id: 'unwanted-behaviour',
			dimension: 'unwanted-behaviour',
			text: text(
				'Op het werk krijg ik te maken met geweld, pesterijen of ongewenst seksueel gedrag.',
				'Au travail, je suis confronté à de la violence, du harcèlement moral ou du harcèlement sexuel.',
				'At work I face violence, bullying or unwanted sexual behaviour.'
			),
			reverse: false
		},
		{
			id: 'coping-active',
			dimension: 'coping',
			text: text(
				'Als er een probleem is op het werk, pak ik het meteen aan.',
				'Quand il y a un problème au travail, je m’y attaque tout de suite.',
				'When there is a problem at work, I tackle it straight away.'
			),
			reverse: false
		},
		{
			// Avoidant coping counts against active coping: much avoidance lowers the score.
			id: 'coping-avoidant',
			dimension: 'coping',
			text: text(
				'Als het werk zwaar wordt, schuif ik problemen voor me uit of probeer ik er niet aan te denken.',
				'Quand le travail devient lourd, je remets les problèmes à plus tard ou j’essaie de ne pas y penser.',
				'When work gets hard, I put problems off or try not to think about them.'
			),
			reverse: true
		}
	],
	module: {
		key: 'work-factors',
		name: text('Werkfactoren', 'Facteurs de travail', 'Work factors'),
		dimensions: [
			{
				id: 'workload',
				shortName: text('Werkdruk', 'Charge de travail', 'Workload'),
				name: text('Werkdruk', 'Charge de travail', 'Workload'),
				description: text(
					'Hoe vaak je de voorbije weken meer werk had dan er tijd voor was. Een hoge score wijst op te veel werk of te weinig tijd, niet op hoe goed je werkt.',
					'À quelle fréquence vous avez eu plus de travail que de temps ces dernières semaines. Un score élevé indique trop de travail ou trop peu de temps, pas la qualité de votre travail.',
					'How often over the past weeks you had more work than time. A high score points to too much work or too little time, not to how well you work.'
				),
				bands: riskHigh(50, 75),
				sensitive: false,
				domain: 'work-organisation'
			},
			{
				id: 'emotional-load',
				shortName: text('Emot. belasting', 'Charge émotionnelle', 'Emotional load'),
				name: text('Emotionele belasting', 'Charge émotionnelle', 'Emotional load'),
				description: text(
					'Hoe vaak je werk je de voorbije weken in emotioneel zware situaties bracht. Een hoge score zegt iets over de inhoud van het werk.',
					'À quelle fréquence votre travail vous a mis dans des situations émotionnellement lourdes ces dernières semaines. Un score élevé parle du contenu du travail.',
					'How often over the past weeks your work put you in emotionally hard situations. A high score says something about the content of the work.'
				),
				bands: riskHigh(50, 75),
				sensitive: false,
				domain: 'job-content'
			},
			{
				id: 'role-clarity',
				shortName: text('Rolduidelijkheid', 'Clarté du rôle', 'Role clarity'),
				name: text('Duidelijkheid van je rol', 'Clarté du rôle', 'Role clarity'),
				description: text(
					'Hoe duidelijk je taken en de verwachtingen op het werk de voorbije weken waren. Een lage score betekent onduidelijke of tegenstrijdige verwachtingen.',
					'À quel point vos tâches et les attentes au travail étaient claires ces dernières semaines. Un score bas signifie des attentes floues ou contradictoires.',
					'How clear your tasks and the expectations at work were over the past weeks. A low score means unclear or conflicting expectations.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'work-organisation'
			},
			{
				id: 'autonomy',
				shortName: text('Autonomie', 'Autonomie', 'Autonomy'),
				name: text('Autonomie', 'Autonomie', 'Autonomy'),
				description: text(
					'Hoeveel ruimte je de voorbije weken had om zelf te kiezen hoe, wanneer en in welk tempo je werkt. Een lage score betekent weinig speelruimte in het werk.',
					'La marge dont vous avez disposé ces dernières semaines pour choisir vous-même comment, quand et à quel rythme vous travaillez. Un score bas signifie peu de marge de manœuvre dans le travail.',
					'How much room you had over the past weeks to choose how, when and at what pace you work. A low score means little room to manoeuvre in the work.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'job-content'
			},
			{
				id: 'support-colleagues',
				shortName: text('Collegiale steun', 'Soutien collègues', 'Colleague support'),
				name: text('Steun van collega’s', 'Soutien des collègues', 'Support from colleagues'),
				description: text(
					'Hoe vaak je de voorbije weken op je collega’s kon rekenen. Een lage score betekent weinig steun in het team.',
					'À quelle fréquence vous avez pu compter sur vos collègues ces dernières semaines. Un score bas signifie peu de soutien dans l’équipe.',
					'How often over the past weeks you could count on your colleagues. A low score means little support in the team.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'interpersonal-relations'
			},
			{
				id: 'support-manager',
				shortName: text('Steun leiding', 'Soutien responsable', 'Manager support'),
				name: text('Steun van je leidinggevende', 'Soutien du responsable', 'Support from your manager'),
				description: text(
					'Hoe vaak je de voorbije weken bij je leidinggevende terechtkon. Een lage score betekent weinig steun van de leiding.',
					'À quelle fréquence vous avez pu vous adresser à votre responsable ces dernières semaines. Un score bas signifie peu de soutien de la hiérarchie.',
					'How often over the past weeks you could turn to your manager. A low score means little support from management.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'interpersonal-relations'
			},
			{
				id: 'recognition',
				shortName: text('Erkenning', 'Reconnaissance', 'Recognition'),
				name: text('Erkenning', 'Reconnaissance', 'Recognition'),
				description: text(
					'Hoe vaak je de voorbije weken erkenning kreeg voor je werk. Een lage score betekent dat inzet weinig gezien wordt.',
					'À quelle fréquence vous avez reçu de la reconnaissance pour votre travail ces dernières semaines. Un score bas signifie que l’effort est peu reconnu.',
					'How often over the past weeks you got recognition for your work. A low score means effort goes largely unseen.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'terms-of-employment'
			},
			{
				id: 'participation',
				shortName: text('Inspraak', 'Participation', 'Participation'),
				name: text('Inspraak', 'Participation', 'Participation'),
				description: text(
					'Hoe vaak je de voorbije weken betrokken werd bij beslissingen over je werk. Een lage score betekent dat er over het werk beslist wordt zonder wie het doet.',
					'À quelle fréquence vous avez été associé aux décisions concernant votre travail ces dernières semaines. Un score bas signifie que l’on décide du travail sans ceux qui le font.',
					'How often over the past weeks you were involved in decisions about your work. A low score means decisions about the work are made without those who do it.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'work-organisation'
			},
			{
				id: 'development',
				shortName: text('Ontwikkeling', 'Développement', 'Development'),
				name: text('Ontwikkelingskansen', 'Possibilités de développement', 'Development opportunities'),
				description: text(
					'Hoe vaak je de voorbije weken kansen kreeg om bij te leren in je werk. Een lage score betekent weinig kansen om te groeien.',
					'À quelle fréquence vous avez eu des possibilités d’apprendre dans votre travail ces dernières semaines. Un score bas signifie peu de possibilités d’évoluer.',
					'How often over the past weeks you had opportunities to learn in your work. A low score means few chances to grow.'
				),
				bands: riskLow(50, 25),
				sensitive: false,
				domain: 'terms-of-employment'
			},
			{
				// The items measure interference (work eating into private time), so a high score is
				// the risk. Tagged work organisation rather than working conditions: under the Belgian
				// definitions working conditions means the physical work environment, while how work
				// spills into private time follows from how work, availability and hours are organised.
				id: 'work-private-balance',
				shortName: text('Werk-privé', 'Vie pro-privée', 'Work-life'),
				name: text('Balans werk-privé', 'Équilibre vie professionnelle-vie privée', 'Work-life balance'),
				description: text(
					'Hoe vaak je werk de voorbije weken je privéleven binnendrong. Een hoge score betekent dat het werk te veel tijd of energie van je privéleven vraagt.',
					'À quelle fréquence votre travail a empiété sur votre vie privée ces dernières semaines. Un score élevé signifie que le travail prend trop de temps ou d’énergie à votre vie privée.',
					'How often over the past weeks your work intruded on your private life. A high score means work takes too much time or energy from your private life.'
				),
				bands: riskHigh(50, 75),
				sensitive: false,
				domain: 'work-organisation'
			}
		],
		items: [
			{
				id: 'wf-workload-amount',
				dimension: 'workload',
				text: text(
					'Ik heb meer werk dan ik binnen mijn werktijd kan afwerken.',
					'J’ai plus de travail que je ne peux en terminer pendant mon temps de travail.',
					'I have more work than I can finish within my working hours.'
				),
				reverse: false
			},
			{
				id: 'wf-workload-time-pressure',
				dimension: 'workload',
				text: text(
					'Ik sta onder tijdsdruk om mijn werk af te krijgen.',
					'Je suis sous pression du temps pour terminer mon travail.',
					'I am under time pressure to get my work done.'
				),
				reverse: false
			},
			{
				id: 'wf-emotional-load',
				dimension: 'emotional-load',
				text: text(
					'Mijn werk brengt me in situaties die me emotioneel zwaar vallen.',
					'Mon travail me confronte à des situations émotionnellement lourdes.',
					'My work puts me in situations that are emotionally hard.'
				),
				reverse: false
			},
			{
				id: 'wf-role-clear',
				dimension: 'role-clarity',
				text: text(
					'Mijn taken en verantwoordelijkheden zijn me duidelijk.',
					'Mes tâches et mes responsabilités sont claires pour moi.',
					'My tasks and responsibilities are clear to me.'
				),
				reverse: false
			},
			{
				// Conflicting expectations count against role clarity.
				id: 'wf-role-conflicting',
				dimension: 'role-clarity',
				text: text(
					'Ik krijg tegenstrijdige opdrachten of verwachtingen.',
					'Je reçois des consignes ou des attentes contradictoires.',
					'I get conflicting instructions or expectations.'
				),
				reverse: true
			},
			{
				id: 'wf-autonomy-how',
				dimension: 'autonomy',
				text: text(
					'Ik kan zelf kiezen hoe ik mijn werk aanpak.',
					'Je peux choisir moi-même comment j’organise mon travail.',
					'I can choose how I go about my work.'
				),
				reverse: false
			},
			{
				id: 'wf-autonomy-pace',
				dimension: 'autonomy',
				text: text(
					'Ik kan mee bepalen wanneer ik wat doe en in welk tempo.',
					'Je peux décider quand je fais quoi et à quel rythme.',
					'I have a say in when I do what, and at what pace.'
				),
				reverse: false
			},
			{
				id: 'wf-support-colleagues',
				dimension: 'support-colleagues',
				text: text(
					'Als het moeilijk gaat, kan ik op mijn collega’s rekenen.',
					'Quand c’est difficile, je peux compter sur mes collègues.',
					'When things get hard, I can count on my colleagues.'
				),
				reverse: false
			},
			{
				id: 'wf-support-manager',
				dimension: 'support-manager',
				text: text(
					'Ik kan bij mijn leidinggevende terecht als het werk moeilijk loopt.',
					'Je peux m’adresser à mon responsable quand le travail se passe mal.',
					'I can turn to my manager when work is not going well.'
				),
				reverse: false
			},
			{
				id: 'wf-recognition',
				dimension: 'recognition',
				text: text(
					'Ik krijg erkenning voor het werk dat ik doe.',
					'Je reçois de la reconnaissance pour le travail que je fais.',
					'I get recognition for the work I do.'
				),
				reverse: false
			},
			{
				id: 'wf-participation',
				dimension: 'participation',
				text: text(
					'Ik word betrokken bij beslissingen die mijn werk raken.',
					'Je suis associé aux décisions qui touchent mon travail.',
					'I am involved in decisions that affect my work.'
				),
				reverse: false
			},
			{
				id: 'wf-development',
				dimension: 'development',
				text: text(
					'Ik krijg kansen om bij te leren in mijn werk.',
					'J’ai des possibilités d’apprendre dans mon travail.',
					'I get opportunities to learn in my work.'
				),
				reverse: false
			},
			{
				id: 'wf-balance-time',
				dimension: 'work-private-balance',
				text: text(
					'Mijn werk laat me te weinig tijd of energie over voor mijn privéleven.',
					'Mon travail me laisse trop peu de temps ou d’énergie pour ma vie privée.',
					'My work leaves me too little time or energy for my private life.'
				),
				reverse: false
			},
			{
				id: 'wf-balance-off-hours',
				dimension: 'work-private-balance',
				text: text(
					'Ik ben buiten mijn werkuren met werk bezig (mails, berichten, telefoons).',
					'En dehors de mes heures de travail, je m’occupe du travail (e-mails, messages, appels).',
					'Outside my working hours I deal with work (emails, messages, calls).'
				),
				reverse: false
			}
		]
	}
};

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

/**
 * The built-in barometer, frozen: it is shared by every request, so nothing may change it in
 * place. Copy it (structuredClone) to derive a variant.
 */
export const BAROMETER: InstrumentDefinition = deepFreeze(barometer);
