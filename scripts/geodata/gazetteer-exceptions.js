// The gazetteer's hand-kept exceptions: everything in geodata/gazetteer.json that is not read from
// CLDR (Intl.DisplayNames), i18n-iso-countries or world-countries, and every name of those sources
// left out. Each entry says why. scripts/geodata/gazetteer.js applies them; the build fails if an
// entry names a code or a term it cannot find, so the list cannot silently rot.

/**
 * Names left out of every country, whatever source offers them: in news copy they usually mean
 * something else, or name two countries at once. A briefing that means the country adds the word
 * to its own `terms.add`.
 * @type {Record<string, string>}
 */
export const LEFT_OUT = {
	America: 'also the continents (North, South, Latin America)',
	American: 'also anything of the Americas; the existing briefing relies on "U.S." instead',
	Americans: 'as "American"',
	Macedonia: 'also the Greek region; the country is "North Macedonia" since 2019',
	Macedonian: 'also the Greek Macedonians and the Slavic language in Greece and Bulgaria',
	Macedonians: 'as "Macedonian"',
	Congo:
		'names both Congos (and the river); each has unambiguous names ("DRC", "Republic of the Congo")',
	Congolese: 'the demonym of both Congos',
	Korea: 'names both Koreas (and the peninsula)',
	Korean: 'both Koreas; "South Korean" and "North Korean" are kept',
	Koreans: 'as "Korean"',
	Dominican:
		'world-countries gives it to Dominica and the Dominican Republic; news means the Dominican Republic, so it goes there (see EXTRA), never to Dominica',
	Brussels: 'usually the European Union, not Belgium',
	'The Hague': 'usually the international courts, not the Netherlands',
	Pole: 'also the geographic poles',
	Poles: 'as "Pole"',
	Victoria:
		'capital of the Seychelles, but also an Australian state, a Canadian city and a first name',
	Stanley: 'capital of the Falkland Islands, but mostly a first name and a surname in news copy',
	Male: 'capital of the Maldives without its accent: an ordinary English word ("Malé" is kept)',
	Jerusalem:
		'its status is disputed (claimed as capital by Israel and Palestine); a briefing decides what it stands for',
	Timor: 'the island, shared by Timor-Leste and Indonesia',
	Lao: 'also the language and people, across borders'
};

/**
 * Terms added to a country, beyond the sources: alternates news still uses, nouns and plurals the
 * plural rule cannot make, former capital names. Kept in this order after the generated names.
 * @type {Record<string, { terms: string[], reason: string }>}
 */
export const EXTRA = {
	USA: {
		terms: ['U.S.A.', 'USA', 'U.S.', 'US', 'Washington', 'Washington, D.C.'],
		reason: 'the abbreviations news uses; "Washington" alone for the government'
	},
	GBR: {
		terms: [
			'U.K.',
			'Britain',
			'Briton',
			'Britons',
			'England',
			'Scotland',
			'Wales',
			'Northern Ireland'
		],
		reason: 'the common short forms; its four nations, which no source lists as countries'
	},
	FRA: {
		terms: ['Frenchman', 'Frenchmen', 'Frenchwoman', 'Frenchwomen'],
		reason: 'nouns for people; "French" has no plural'
	},
	NLD: { terms: ['Holland'], reason: 'common alternate (strictly two provinces)' },
	MMR: {
		terms: ['Burma', 'Rangoon', 'Yangon'],
		reason: 'old name; the former capital, old and new names'
	},
	SWZ: { terms: ['Swaziland'], reason: 'the name until 2018' },
	CZE: { terms: ['Czechs'], reason: 'plural the rule cannot make (Czech ends in -ch)' },
	TUR: {
		terms: ['Turkey', 'Turks'],
		reason: 'the English name until 2022, still common; noun for people'
	},
	CIV: {
		terms: ['Ivory Coast', 'Abidjan'],
		reason:
			'English alternate; Abidjan, the former capital, is still the seat of most of the government'
	},
	COD: {
		terms: ['DRC', 'DR Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo'],
		reason: 'unambiguous short forms (plain "Congo" is left out)'
	},
	COG: {
		terms: ['Congo-Brazzaville', 'Republic of Congo', 'Congo Republic'],
		reason: 'unambiguous short forms (plain "Congo" is left out)'
	},
	KOR: { terms: ['Republic of Korea', 'ROK'], reason: 'official and abbreviated forms' },
	PRK: { terms: ['DPRK'], reason: 'abbreviation news uses' },
	DOM: { terms: ['Dominican', 'Dominicans'], reason: 'see LEFT_OUT "Dominican"' },
	UKR: {
		terms: ['Kiev'],
		reason: 'the capital’s Russian-derived spelling, still in older and quoted copy'
	},
	KAZ: {
		terms: ['Kazakh', 'Kazakhs', 'Nur-Sultan'],
		reason: 'the usual demonym; the capital was Nur-Sultan from 2019 to 2022'
	},
	TZA: {
		terms: ['Dar es Salaam'],
		reason: 'former capital, still the seat of most of the government'
	},
	KGZ: { terms: ['Kyrgyz'], reason: 'today’s demonym (world-countries has "Kirghiz")' },
	TJK: { terms: ['Tajik', 'Tajiks'], reason: 'today’s demonym (world-countries has "Tadzhik")' },
	AZE: { terms: ['Azeri'], reason: 'common demonym' },
	SVN: { terms: ['Slovenian', 'Slovenians'], reason: 'common demonym beside "Slovene"' },
	HRV: { terms: ['Croats'], reason: 'noun for people' },
	SRB: { terms: ['Serbs'], reason: 'noun for people' },
	SVK: { terms: ['Slovakian'], reason: 'common adjective' },
	DNK: { terms: ['Danes'], reason: 'noun for people ("Danish" has no plural)' },
	FIN: { terms: ['Finns'], reason: 'noun for people' },
	SWE: { terms: ['Swedes'], reason: 'noun for people' },
	ESP: { terms: ['Spaniards'], reason: 'noun for people' },
	ISL: {
		terms: ['Icelandic', 'Reykjavík'],
		reason: 'adjective (world-countries has the noun); accented spelling'
	},
	LUX: { terms: ['Luxembourgish'], reason: 'adjective' },
	IRL: { terms: ['Republic of Ireland'], reason: 'the usual name beside "Ireland"' },
	MDA: { terms: ['Chisinau'], reason: 'the capital without its diacritics' },
	BIH: { terms: ['Bosnia-Herzegovina', 'Bosnia'], reason: 'common short forms' },
	BFA: { terms: ['Burkinabè'], reason: 'accented spelling' },
	GNQ: { terms: ['Equatoguinean'], reason: 'the other demonym' },
	GNB: { terms: ['Bissau-Guinean', 'Bissau-Guineans'], reason: 'the usual demonym' },
	TLS: { terms: ['East Timor'], reason: 'English alternate' },
	ARE: { terms: ['UAE', 'Emirates'], reason: 'abbreviation; short form' },
	BWA: { terms: ['Batswana'], reason: 'plural of "Motswana"' },
	LSO: { terms: ['Basotho'], reason: 'plural of "Mosotho"' },
	DJI: {
		terms: ['Djiboutian', 'Djiboutians'],
		reason: 'the demonym (world-countries gives "Djibouti", the name, as its demonym)'
	},
	PHL: { terms: ['Philippine'], reason: 'the adjective' },
	MDV: {
		terms: ['Maldivian', 'Maldivians'],
		reason: 'the usual spelling (world-countries has "Maldivan")'
	},
	CPV: {
		terms: ['Cabo Verde', 'Cape Verdean', 'Cape Verdeans'],
		reason: 'its official short name; the usual demonym (world-countries has "Cape Verdian")'
	},
	XKX: {
		terms: ['Kosovo', 'Republic of Kosovo', 'Kosovar', 'Kosovars', 'Pristina', 'Prishtina'],
		reason: 'user-assigned code; no source lists it with ISO codes'
	},
	CYN: {
		terms: [
			'Northern Cyprus',
			'Turkish Republic of Northern Cyprus',
			'Turkish Cypriot',
			'Turkish Cypriots'
		],
		reason: 'no ISO code; its capital is North Nicosia (Lefkoşa), left out beside "Nicosia"'
	},
	SOL: {
		terms: ['Somaliland', 'Republic of Somaliland', 'Somalilander', 'Somalilanders', 'Hargeisa'],
		reason: 'no ISO code'
	}
};

/**
 * Plurals of demonyms: the rule adds "s" except after -ese, -s, -sh, -ch, -z and -y ("Chinese",
 * "Swiss", "Seychellois", "British", "Dutch", "Kirghiz", "Malagasy"); "-man" becomes "-men". These
 * override it; `null` means none.
 * @type {Record<string, string | null>}
 */
export const PLURAL = {
	German: 'Germans',
	Vatican: null,
	Greenlandic: null,
	Burkinabe: null,
	Motswana: null,
	Mosotho: null,
	'Ni-Vanuatu': null,
	Thai: 'Thais',
	Icelander: 'Icelanders'
};

/**
 * Codes with no demonym, and why. Checked by tests/unit/geodata.test.ts: every other code has one.
 * @type {Record<string, string>}
 */
export const NO_DEMONYM = {
	ATA: 'Antarctica has no people of its own (world-countries’ "Antarctican" is not in use)',
	ATF: 'its demonym is "French", which stays with France',
	USA: '"American" is left out (see LEFT_OUT); the briefing may add it',
	COG: '"Congolese" names both Congos (see LEFT_OUT)',
	COD: '"Congolese" names both Congos (see LEFT_OUT)',
	MKD: '"Macedonian" is left out (see LEFT_OUT)'
};

/**
 * Ambiguities kept on purpose: the word names the country in most international news, and a
 * briefing where it does not (a US state, a person, a river) removes it with `terms.remove`.
 * @type {Record<string, string>}
 */
export const KEPT_AMBIGUOUS = {
	Georgia:
		'also a US state: kept for the country; "state of Georgia" names no country, and a US briefing removes the bare word from GEO',
	Jordan: 'also a river and a first name: kept; "Jordan River" and "River Jordan" name no country',
	Chad: 'also a first name: kept (matching is case-sensitive, so only the capitalised word)',
	Niger: 'never matches inside "Nigeria" or "Nigerian": matching needs word boundaries',
	Guinea:
		'"Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea" are longer names and win; "New Guinea" and "Gulf of Guinea" name no country',
	Sudan: '"South Sudan" is longer and wins',
	Dominica: '"Dominican Republic" and "Dominican" are other words (word boundaries)',
	Washington:
		'kept for the US government; "Washington State" and "Washington state" name no country',
	Indian: 'kept for India; "Indian Ocean" names no country'
};

/**
 * Phrases that contain a country's name but name no country; matched as whole phrases so the
 * name inside them is not.
 * @type {string[]}
 */
export const NOT_A_COUNTRY = [
	'New Guinea',
	'Gulf of Guinea',
	'Jordan River',
	'River Jordan',
	'Washington State',
	'Washington state',
	'Indian Ocean',
	'New Mexico',
	'American Samoa',
	'Niger River',
	'Niger Delta',
	// A state of the US, as "Washington State" is: "the U.S. state of Georgia", "the state of
	// Georgia" (the country is "Georgia" or "the Georgian state"). The bare word stays with the
	// country (see KEPT_AMBIGUOUS). The price: "the state of Georgia's economy", meaning its
	// condition, names no country either; a briefing about Georgia names it elsewhere.
	'state of Georgia',
	// Seas and a gulf named after a country they only border: "Chinese ships in the South China
	// Sea" names China by "Chinese", not by the sea, and the sea is where the Philippines and
	// Vietnam are too.
	'Sea of Japan',
	'South China Sea',
	'East China Sea',
	'Gulf of Mexico'
];

/**
 * The same in French: "la Nouvelle-Guinée" is not Guinea, "l'océan Indien" not India, "le
 * Nouveau-Mexique" not Mexico, "le fleuve Niger" and "le delta du Niger" not the country.
 * @type {string[]}
 */
export const FR_NOT_A_COUNTRY = [
	'Nouvelle-Guinée',
	'golfe de Guinée',
	'Golfe de Guinée',
	'océan Indien',
	'océan indien',
	'Océan Indien',
	'Nouveau-Mexique',
	'Samoa américaines',
	'fleuve Niger',
	'delta du Niger',
	'État de Washington',
	// The same US state and seas as in NOT_A_COUNTRY.
	'État de Géorgie',
	'mer du Japon',
	'mer de Chine méridionale',
	'mer de Chine orientale',
	'golfe du Mexique'
];

/**
 * Capitals in French, where the French name differs from world-countries' English one (any other
 * capital is taken as written in English: Berlin, Budapest, Kyiv...). Hand-kept: no source in the
 * build has French city names. An empty list keeps the English name out too (see LEFT_OUT).
 * @type {Record<string, string[]>}
 */
export const FR_CAPITALS = {
	AFG: ['Kaboul'],
	ARM: ['Erevan'],
	AUT: ['Vienne'],
	AZE: ['Bakou'],
	BGD: ['Dacca'],
	BRA: ['Brasilia'],
	CHN: ['Pékin'],
	COL: ['Bogota'],
	CUB: ['La Havane'],
	CYP: ['Nicosie'],
	DNK: ['Copenhague'],
	DZA: ['Alger'],
	EGY: ['Le Caire'],
	ETH: ['Addis-Abeba'],
	GBR: ['Londres'],
	GEO: ['Tbilissi'],
	GRC: ['Athènes'],
	IDN: ['Djakarta', 'Jakarta'],
	IRN: ['Téhéran'],
	IRQ: ['Bagdad'],
	KGZ: ['Bichkek'],
	KOR: ['Séoul'],
	KWT: ['Koweït'],
	LBN: ['Beyrouth'],
	MDA: ['Chișinău', 'Chisinau'],
	MEX: ['Mexico'],
	MNG: ['Oulan-Bator'],
	NPL: ['Katmandou'],
	OMN: ['Mascate'],
	PHL: ['Manille'],
	POL: ['Varsovie'],
	PRT: ['Lisbonne'],
	ROU: ['Bucarest'],
	RUS: ['Moscou'],
	SAU: ['Riyad'],
	SOM: ['Mogadiscio'],
	SYR: ['Damas'],
	TCD: ['N’Djaména', "N'Djaména"],
	TJK: ['Douchanbé'],
	TKM: ['Achgabat'],
	UKR: ['Kyiv', 'Kiev'],
	USA: ['Washington'],
	UZB: ['Tachkent'],
	VNM: ['Hanoï'],
	YEM: ['Sanaa'],
	ZAF: ['Pretoria', 'Le Cap'],
	ARE: ['Abou Dabi'],
	BEL: [],
	ISR: [],
	PSE: ['Ramallah'],
	SGP: ['Singapour'],
	MLT: ['La Valette'],
	SYC: [],
	FLK: [],
	VAT: []
};

/**
 * French names beyond CLDR and world-countries' French translations.
 * @type {Record<string, string[]>}
 */
export const FR_EXTRA = {
	COD: ['RDC', 'RD Congo', 'République démocratique du Congo'],
	COG: ['République du Congo'],
	MMR: ['Birmanie'],
	CZE: ['République tchèque'],
	NLD: ['Hollande'],
	TUR: ['Türkiye'],
	SWZ: ['Swaziland'],
	GBR: ['Grande-Bretagne', 'Angleterre', 'Écosse', 'pays de Galles', 'Irlande du Nord'],
	USA: ['USA'],
	XKX: ['Kosovo', 'Kosovar', 'Kosovars', 'kosovar', 'kosovars', 'Pristina'],
	CYN: ['Chypre du Nord', 'République turque de Chypre du Nord'],
	SOL: ['Somaliland', 'Hargeisa']
};

/**
 * French names left out, for the same reasons as their English counterparts in LEFT_OUT.
 * @type {Record<string, string>}
 */
export const FR_LEFT_OUT = {
	Congo: 'the two Congos (see LEFT_OUT "Congo")',
	Corée: 'the two Koreas',
	Macédoine: 'also the Greek region',
	Bruxelles: 'usually the European Union (see LEFT_OUT "Brussels")',
	Jérusalem: 'disputed status (see LEFT_OUT "Jerusalem")',
	Malouin: 'the Falkland Islanders, but first the people of Saint-Malo',
	Malouins: 'as "Malouin"',
	malouin: 'as "Malouin"',
	malouins: 'as "Malouin"'
};
